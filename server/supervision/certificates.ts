import { sql } from 'kysely';
import { waitingCutoff, waitingDays } from '../../core/common/certificate-waiting.js';
import { addDays, hallInstant } from '../../core/common/hall-time.js';
import { maskPersonName } from '../../core/common/mask-name.js';
import { p50p95 } from '../../core/common/percentile.js';
import { ServerError, type CertificateOverview, type CertificateRef, type ImmediateRow, type ImmediateTimes } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';

/** The instants a period of hall dates covers: from its first midnight to the midnight after its last day. */
function period(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  if (to < from) throw new ServerError('VALIDATION_FAILED', [{ path: 'to', message: 'the range ends before it starts' }]);
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new ServerError('VALIDATION_FAILED', [{ path: 'to', message: 'at most 366 days' }]);
  return { start: new Date(hallInstant(from, '00:00', timeZone)), end: new Date(hallInstant(addDays(to, 1), '00:00', timeZone)) };
}

/** Clerks are recorded by login or by staff number, as the terminal knew them: both find the name. */
async function clerkNames(db: ServerDb): Promise<(clerk: string | null) => string | null> {
  const rows = await db.selectFrom('staff').select(['login', 'number', 'name']).execute();
  const names = new Map<string, string>();
  for (const r of rows) names.set(r.number, r.name).set(r.login, r.name);
  return (clerk) => (clerk === null ? null : (names.get(clerk) ?? null));
}

const refColumns = [
  'c.id',
  'c.number',
  'c.template',
  'c.procedure_id',
  'c.holder_name',
  sql<string>`c.doc->>'name'`.as('cert_name'),
  sql<string | null>`c.doc->'holder'->>'codeType'`.as('holder_code_type'),
] as const;

interface RefRow {
  id: string;
  number: string;
  template: string;
  procedure_id: string;
  holder_name: string;
  cert_name: string;
  holder_code_type: string | null;
}

const refOf = (r: RefRow): CertificateRef => ({
  id: r.id,
  number: r.number,
  name: r.cert_name,
  template: r.template,
  procedureId: r.procedure_id,
  holderName: r.holder_code_type === '111' ? maskPersonName(r.holder_name) : r.holder_name,
});

/**
 * The 证照 section's numbers: what is ready now and what has waited more than `waitingDaysLimit` hall
 * days (both by the server's clock), and what happened in the period of hall dates `from`..`to`.
 */
export async function certificateOverview(
  db: ServerDb,
  range: { from: string; to: string },
  opts: { today: string; timeZone: string; waitingDays: number },
): Promise<CertificateOverview> {
  const { start, end } = period(range.from, range.to, opts.timeZone);
  const clerk = await clerkNames(db);
  const cutoff = new Date(waitingCutoff(opts.today, opts.waitingDays, opts.timeZone));
  const ready = await db.selectFrom('certificates').select(sql<string>`count(*)`.as('n')).where('state', '=', 'ready').executeTakeFirstOrThrow();
  const waiting = await db
    .selectFrom('certificates as c')
    .select([...refColumns, 'c.ready_at', 'c.delivery'])
    .where('c.state', '=', 'ready')
    .where('c.ready_at', '<', cutoff)
    .orderBy('c.ready_at')
    .orderBy('c.id')
    .execute();
  const handedOver = await db
    .selectFrom('certificate_handovers')
    .select(sql<string>`count(*)`.as('n'))
    .where('at', '>=', start)
    .where('at', '<', end)
    .executeTakeFirstOrThrow();
  const mailed = await db
    .selectFrom('certificate_mail')
    .select([
      sql<string>`count(*) FILTER (WHERE posted_at >= ${start} AND posted_at < ${end})`.as('posted'),
      sql<string>`count(*) FILTER (WHERE delivered_at >= ${start} AND delivered_at < ${end})`.as('delivered'),
    ])
    .executeTakeFirstOrThrow();
  const reprints = await db
    .selectFrom('certificate_reprints as r')
    .innerJoin('certificates as c', 'c.id', 'r.certificate_id')
    .select([...refColumns, 'r.id as reprint_id', 'r.reason', 'r.counter', 'r.clerk', 'r.at'])
    .where('r.at', '>=', start)
    .where('r.at', '<', end)
    .orderBy('r.at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const conflicts = await db
    .selectFrom('certificate_handover_conflicts as x')
    .innerJoin('certificates as c', 'c.id', 'x.certificate_id')
    .leftJoin('certificate_handovers as h', 'h.certificate_id', 'x.certificate_id')
    .select([...refColumns, 'x.id as conflict_id', 'x.at', 'x.counter', 'x.terminal_id', 'h.at as first_at', 'h.counter as first_counter', 'h.clerk as first_clerk'])
    .where('x.at', '>=', start)
    .where('x.at', '<', end)
    .orderBy('x.at', 'desc')
    .orderBy('x.id', 'desc')
    .execute();
  return {
    from: range.from,
    to: range.to,
    today: opts.today,
    waitingDays: opts.waitingDays,
    ready: Number(ready.n),
    waiting: waiting.map((w) => ({ ...refOf(w), readySince: w.ready_at.toISOString(), days: waitingDays(w.ready_at, opts.today, opts.timeZone), delivery: w.delivery as CertificateOverview['waiting'][number]['delivery'] })),
    handedOver: Number(handedOver.n),
    mailed: { posted: Number(mailed.posted), delivered: Number(mailed.delivered) },
    reprints: reprints.map((r) => ({ ...refOf(r), reprintId: r.reprint_id, reason: r.reason, counter: r.counter, clerk: r.clerk, clerkName: clerk(r.clerk), at: r.at.toISOString() })),
    conflicts: conflicts.map((x) => ({
      ...refOf(x),
      conflictId: x.conflict_id,
      first: x.first_at ? { at: x.first_at.toISOString(), counter: x.first_counter!, clerk: x.first_clerk, clerkName: clerk(x.first_clerk) } : null,
      second: { at: x.at.toISOString(), counter: x.counter, terminal: x.terminal_id },
    })),
  };
}

type Group = ImmediateTimes['by'];

const byKey = (by: Group) => (a: ImmediateRow, b: ImmediateRow) => {
  if (by === 'counter' && /^\d+$/.test(a.key) && /^\d+$/.test(b.key)) return Number(a.key) - Number(b.key);
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

/** 马上办 seconds of the period's hand-overs, p50 and p95 per counter, clerk or certificate type (nearest rank). */
export async function immediateTimes(db: ServerDb, q: { from: string; to: string; by: Group }, timeZone: string): Promise<ImmediateTimes> {
  const { start, end } = period(q.from, q.to, timeZone);
  const rows = await db
    .selectFrom('certificate_handovers as h')
    .innerJoin('certificates as c', 'c.id', 'h.certificate_id')
    .select(['h.immediate_seconds', 'h.counter', 'h.clerk', 'c.template', 'c.procedure_id', sql<string>`c.doc->>'name'`.as('cert_name')])
    .where('h.at', '>=', start)
    .where('h.at', '<', end)
    .execute();
  const clerk = await clerkNames(db);
  const timed = rows.filter((r) => r.immediate_seconds !== null);
  const groups = new Map<string, { label: string; procedureId: string | null; seconds: number[] }>();
  for (const r of timed) {
    const key = q.by === 'counter' ? r.counter : q.by === 'clerk' ? (r.clerk ?? '—') : r.template;
    const label = q.by === 'clerk' ? (clerk(r.clerk) ?? key) : q.by === 'type' ? r.cert_name : key;
    const g = groups.get(key) ?? { label, procedureId: q.by === 'type' ? r.procedure_id : null, seconds: [] };
    g.seconds.push(r.immediate_seconds!);
    groups.set(key, g);
  }
  const row = (key: string, label: string, procedureId: string | null, seconds: number[]): ImmediateRow => ({ key, label, procedureId, ...p50p95(seconds) });
  return {
    from: q.from,
    to: q.to,
    by: q.by,
    rows: [...groups].map(([key, g]) => row(key, g.label, g.procedureId, g.seconds)).sort(byKey(q.by)),
    total: row('total', 'total', null, timed.map((r) => r.immediate_seconds!)),
    untimed: rows.length - timed.length,
  };
}
