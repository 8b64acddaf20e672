import { z } from 'zod';
import { FreeText, Lang, DEFAULT_LANG } from './common.js';
import { ProcedureType } from './catalog.js';

/** Responses are resolved to one language: every string is already in `lang` (or its Chinese original). */

export const MAX_QUERY_LENGTH = 100;

export const SearchQuery = z.object({
  q: FreeText.max(MAX_QUERY_LENGTH).default(''),
  lang: Lang.default(DEFAULT_LANG),
  category: FreeText.max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A piece of text split into matched and unmatched runs, for highlighting. */
export const Highlight = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlight = z.infer<typeof Highlight>;

export const MatchField = z.enum(['name', 'pinyin', 'initials', 'summary', 'materials', 'legal_basis', 'none']);
export type MatchField = z.infer<typeof MatchField>;

export const ProcedureSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  category: z.string(),
  type: ProcedureType,
  abolished: z.boolean(),
  matchedIn: MatchField,
  /** The name, split for highlighting (for a pinyin or initials match, the matching characters are hits). */
  nameHighlight: Highlight,
  /** Where the match is not in the name: the matching text with context. */
  snippet: Highlight.optional(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const SearchResult = z.object({ items: z.array(ProcedureSummary), total: z.number().int() });
export type SearchResult = z.infer<typeof SearchResult>;

export const ProcedureParams = z.object({ id: FreeText.min(1).max(64) });

export const ProcedureDetail = z.object({
  id: z.string(),
  code: z.string(),
  baseCode: z.string(),
  name: z.string(),
  summary: z.string(),
  type: ProcedureType,
  category: z.object({ code: z.string(), name: z.string() }),
  department: z.object({ code: z.string(), name: z.string(), place: z.string(), hours: z.string(), phone: z.string() }),
  legalBasis: z.array(z.object({ law: z.string(), article: z.string().nullable() })),
  conditions: z.array(z.string()),
  statutoryDays: z.number().int().nullable(),
  promisedDays: z.number().int().nullable(),
  timeLimitNote: z.string().nullable(),
  materials: z.array(
    z.object({ name: z.string(), originals: z.number().int(), copies: z.number().int(), required: z.boolean(), note: z.string().nullable() }),
  ),
  fee: z.number(),
  feeNote: z.string().nullable(),
  result: z.string().nullable(),
  visits: z.number().int(),
  immediate: z.boolean(),
  consultPhone: z.string(),
  supervisePhone: z.string(),
  flow: z.array(z.object({ title: z.string(), actor: z.string().nullable(), days: z.number().nullable() })),
  onlineUrl: z.string(),
  abolished: z
    .object({
      date: z.string(),
      note: z.string().nullable(),
      replacedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const CategoryList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
});
export type CategoryList = z.infer<typeof CategoryList>;

export const ProhibitionList = z.object({
  items: z.array(z.object({ no: z.number().int(), text: z.string(), original: z.string() })),
  /** The office-wide supervision phone, where a breach can be reported: the one most live procedures give; null with none. */
  supervisePhone: z.string().nullable(),
});
export type ProhibitionList = z.infer<typeof ProhibitionList>;
