import { HallConfig, type CatalogFile } from '../../core/contract/index.js';
import { hallCatalogIssues, hallOwnIssues, type HallCatalogIssue } from '../../core/common/hall-catalog.js';
import type { Transaction } from 'kysely';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { appendChange } from '../sync/append.js';

export interface HallIssue {
  path: string;
  message: string;
}

export type HallImport = { ok: true; halls: { hall: string; seq: number }[] } | { ok: false; issues: HallIssue[] };

/**
 * Checks the schema cannot express: one code per line, one entry per counter, and, against the
 * server's catalog when it has one, the rule of core/common/hall-catalog.ts (without one, the catalog
 * import checks the halls when it comes).
 */
function crossCheck(config: HallConfig, at: string, catalog: CatalogFile | null): HallIssue[] {
  const issues: HallIssue[] = [];
  const seen = new Set<string>();
  config.services.forEach((s, i) => {
    if (seen.has(s.code)) issues.push({ path: `${at}services[${i}].code`, message: `line ${s.code} appears twice` });
    seen.add(s.code);
  });
  const counters = new Set<number>();
  config.counters.forEach((c, i) => {
    if (counters.has(c)) issues.push({ path: `${at}counters[${i}]`, message: `counter ${c} appears twice` });
    counters.add(c);
  });
  const found = catalog ? hallCatalogIssues([config], catalog) : hallOwnIssues(config);
  issues.push(...found.map((i) => hallIssue(i, at)));
  return issues;
}

/** A hall-catalog issue as the hall import lists it: a path in the hall file, or one in the catalog it contradicts. */
function hallIssue(i: HallCatalogIssue, at: string): HallIssue {
  if (i.in === 'hall') return { path: `${at}${i.path}`, message: i.message };
  return { path: `${at}services`, message: `${i.message}${i.path.startsWith('procedures') ? '' : ` (catalog ${i.path})`}` };
}

export async function serverCatalog(db: ServerDb | Transaction<ServerSchema>): Promise<CatalogFile | null> {
  const row = await db.selectFrom('catalog').select('doc').where('id', '=', 1).executeTakeFirst();
  return row ? (row.doc as CatalogFile) : null;
}

/** services[2].counterArea, as the catalog import names places. */
function pathText(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Parses and checks a hall config file (one HallConfig or an array of them) without storing it. */
export async function validateHallText(db: ServerDb, text: string): Promise<{ ok: true; configs: HallConfig[] } | { ok: false; issues: HallIssue[] }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `not JSON: ${(err as Error).message}` }] };
  }
  const many = Array.isArray(json);
  const items = many ? (json as unknown[]) : [json];
  if (!items.length) return { ok: false, issues: [{ path: '', message: 'no hall in the file' }] };
  const catalog = await serverCatalog(db);
  const issues: HallIssue[] = [];
  const configs: HallConfig[] = [];
  const halls = new Set<string>();
  items.forEach((item, n) => {
    const at = many ? `[${n}].` : '';
    const parsed = HallConfig.safeParse(item);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: `${at}${pathText(i.path)}`.replace(/\.$/, ''), message: i.message });
      return;
    }
    if (halls.has(parsed.data.hall)) issues.push({ path: `${at}hall`, message: `hall ${parsed.data.hall} appears twice` });
    halls.add(parsed.data.hall);
    issues.push(...crossCheck(parsed.data, at, catalog));
    configs.push(parsed.data);
  });
  return issues.length ? { ok: false, issues } : { ok: true, configs };
}

/**
 * Replaces the config of every hall in the file and appends a 'hall-config' change per hall, in one
 * transaction. An invalid file changes nothing.
 */
export async function importHallConfig(db: ServerDb, text: string, now: Date): Promise<HallImport> {
  const checked = await validateHallText(db, text);
  if (!checked.ok) return checked;
  const halls = await db.transaction().execute(async (trx) => {
    const out: { hall: string; seq: number }[] = [];
    for (const config of checked.configs) {
      const doc = JSON.stringify(config);
      await trx
        .insertInto('hall_configs')
        .values({ hall: config.hall, doc, imported_at: now })
        .onConflict((oc) => oc.column('hall').doUpdateSet({ doc, imported_at: now }))
        .execute();
      out.push({ hall: config.hall, seq: await appendChange(trx, { entity: 'hall-config', key: config.hall, op: 'upsert', data: config }, now) });
    }
    return out;
  });
  return { ok: true, halls };
}

export async function hallConfig(db: ServerDb, hall: string): Promise<{ config: HallConfig; importedAt: Date } | null> {
  const row = await db.selectFrom('hall_configs').select(['doc', 'imported_at']).where('hall', '=', hall).executeTakeFirst();
  return row ? { config: HallConfig.parse(row.doc), importedAt: row.imported_at } : null;
}

export async function listHallConfigs(db: ServerDb): Promise<HallConfig[]> {
  const rows = await db.selectFrom('hall_configs').select('doc').orderBy('hall').execute();
  return rows.map((r) => HallConfig.parse(r.doc));
}
