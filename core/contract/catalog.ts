import { z } from 'zod';
import { IsoDate, Localized, LocalizedRequired } from './common.js';

/** The shape of a catalog file (assets/catalog/*.json) as imported by `npm run catalog:import`. */

export const ProcedureType = z.enum(['administrative_licence', 'other_administrative_power', 'public_service']);
export type ProcedureType = z.infer<typeof ProcedureType>;

const Code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);
const Phone = z.string().trim().regex(/^[0-9+\-() ]{5,32}$/);

export const CategoryInput = z.strictObject({
  code: Code,
  name: LocalizedRequired,
  order: z.int().min(0),
});

export const DepartmentInput = z.strictObject({
  code: Code,
  name: LocalizedRequired,
  place: Localized,
  hours: Localized,
  phone: Phone,
});

export const ProhibitionInput = z.strictObject({
  no: z.int().min(1).max(11),
  /** Quoted word for word from the seed plan, section 二(三). */
  text: LocalizedRequired,
});

export const LegalBasisInput = z.strictObject({
  law: Localized,
  article: Localized.optional(),
});

export const MaterialInput = z.strictObject({
  name: Localized,
  originals: z.int().min(0).max(20),
  copies: z.int().min(0).max(20),
  required: z.boolean(),
  note: Localized.optional(),
});

export const FlowStepInput = z.strictObject({
  title: Localized,
  actor: Localized.optional(),
  days: z.number().min(0).optional(),
});

export const ProcedureInput = z.strictObject({
  code: Code,
  baseCode: Code,
  name: LocalizedRequired,
  summary: LocalizedRequired,
  type: ProcedureType,
  category: Code,
  department: Code,
  legalBasis: z.array(LegalBasisInput).min(1),
  conditions: z.array(Localized).min(1),
  /** Working days; null where the law sets none. */
  statutoryDays: z.int().min(0).nullable(),
  promisedDays: z.int().min(0).nullable(),
  timeLimitNote: Localized.optional(),
  materials: z.array(MaterialInput).min(1),
  /** Yuan; 0 means free of charge. */
  fee: z.number().min(0),
  feeNote: Localized.optional(),
  result: Localized.nullable(),
  visits: z.int().min(0).max(10),
  immediate: z.boolean(),
  consultPhone: Phone,
  supervisePhone: Phone,
  flow: z.array(FlowStepInput).min(1),
  onlineUrl: z.url({ protocol: /^https?$/ }),
  abolished: z
    .strictObject({ date: IsoDate, replacedBy: Code.optional(), note: Localized.optional() })
    .optional(),
});
export type ProcedureInput = z.infer<typeof ProcedureInput>;

export const CatalogFile = z.strictObject({
  version: z.literal(1),
  categories: z.array(CategoryInput).min(1),
  departments: z.array(DepartmentInput).min(1),
  prohibitions: z.array(ProhibitionInput).length(11),
  procedures: z.array(ProcedureInput).min(1),
});
export type CatalogFile = z.infer<typeof CatalogFile>;
