import { sql } from 'kysely';
import { ServerError, type SatisfactionRow, type SatisfactionSummary } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { clerkNames } from './views.js';

type Group = SatisfactionSummary['by'];

const KEY: Record<Group, ReturnType<typeof sql.ref>> = {
  day: sql.ref('day'),
  counter: sql.ref('counter_no'),
  clerk: sql.ref('clerk_number'),
  matter: sql.ref('matter'),
};

interface Counts {
  key: string;
  services: string;
  rated: string;
  good: string;
  bad: string;
}

function row(key: string, label: string, c: Omit<Counts, 'key'>): SatisfactionRow {
  const [services, rated, good, bad] = [c.services, c.rated, c.good, c.bad].map(Number) as [number, number, number, number];
  return { key, label, services, rated, good, goodRate: rated ? good / rated : null, bad, notRated: services - rated };
}

/**
 * Satisfaction over hall-local dates `from`..`to` (both included), grouped. Duplicate ratings of a
 * service are left out; a service the visitor walked away from counts as offered but not rated.
 */
export async function satisfaction(db: ServerDb, from: string, to: string, by: Group): Promise<SatisfactionSummary> {
  if (to < from) throw new ServerError('VALIDATION_FAILED', [{ path: 'to', message: 'the range ends before it starts' }]);
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new ServerError('VALIDATION_FAILED', [{ path: 'to', message: 'at most 366 days' }]);
  const counts = sql<string>`count(*)`.as('services');
  const select = [
    counts,
    sql<string>`count(level)`.as('rated'),
    sql<string>`count(*) FILTER (WHERE level >= 4)`.as('good'),
    sql<string>`count(*) FILTER (WHERE level <= 2)`.as('bad'),
  ];
  const base = db.selectFrom('ratings').where('duplicate', '=', false).where('day', '>=', from).where('day', '<=', to);
  const key = KEY[by];
  const groups = (await base
    .select([sql<string>`${key}::text`.as('key'), ...select])
    .groupBy(key)
    .execute()) as Counts[];
  const total = (await base.select(select).executeTakeFirstOrThrow()) as Omit<Counts, 'key'>;
  const names = by === 'clerk' ? await clerkNames(db) : new Map<string, string>();
  groups.sort((a, b) => (by === 'counter' ? Number(a.key) - Number(b.key) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    from,
    to,
    by,
    rows: groups.map((g) => row(g.key, names.get(g.key) ?? g.key, g)),
    total: row('total', 'total', total),
  };
}
