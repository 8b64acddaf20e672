import { createHash } from 'node:crypto';
import { firstBrokenLink, type BrokenLink } from '../../core/common/rating-chain.js';
import { RATING_EVENT, RatingRecord, type ChainReport } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { toRecord } from './views.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Chain {
  device: string;
  head: { seq: number; hash: string } | null;
  /** The ratings table's rows, by chain position. */
  stored: Map<number, RatingRecord>;
  /** The uploaded rows (raw events), by chain position, and whether the server set each aside on purpose. */
  sent: Map<number, { record: RatingRecord; heldAside: boolean }>;
}

/** One terminal's chain checked: the table against the uploads, then against the head it reported. */
function brokenIn(c: Chain): BrokenLink | null {
  const broken = (chainSeq: number, id: string | null, problem: BrokenLink['problem']): BrokenLink => ({ terminal: c.device, chainSeq, id, problem });
  const last = Math.max(0, ...c.stored.keys(), ...c.sent.keys());
  const chain: RatingRecord[] = [];
  for (let seq = 1; seq <= last; seq++) {
    const row = c.stored.get(seq);
    const sent = c.sent.get(seq);
    if (row && sent && row.id !== sent.record.id) return broken(seq, row.id, 'displaced');
    // A rating still waiting for its service, or refused into failed_events, is accounted for by its upload.
    const entry = row ?? (sent?.heldAside ? sent.record : undefined);
    if (entry) chain.push(entry);
    else if (sent) return broken(seq, sent.record.id, 'missing-row');
    else break;
  }
  const witnesses = new Map([...c.sent].map(([seq, s]) => [seq, { id: s.record.id, hash: s.record.hash }]));
  const link = firstBrokenLink(c.device, chain, witnesses, sha256) ?? (chain.length < c.stored.size ? broken(chain.length + 1, null, 'missing-row') : null);
  if (link || !c.head) return link;
  if (chain.length < c.head.seq) return broken(chain.length + 1, null, 'short-of-head');
  return chain[c.head.seq - 1]!.hash === c.head.hash ? null : broken(c.head.seq, chain[c.head.seq - 1]!.id, 'hash-mismatch');
}

/**
 * Checks every terminal's rating chain in the server database (core/common/rating-chain): the
 * ratings table against the raw `rating.recorded` events that terminal uploaded and against the
 * chain head it last reported, so a deleted row, a row displaced by another, and a chain that stops
 * short of its head are each named. Reports the first broken row, terminals in device order.
 */
export async function verifyServerChains(db: ServerDb): Promise<ChainReport> {
  const terminals = await db.selectFrom('terminals').select(['id', 'device_id', 'rating_head_seq', 'rating_head_hash']).execute();
  const chains = new Map<string, Chain>();
  const chainOf = (terminalId: string, device: string | null) => {
    let c = chains.get(terminalId);
    const t = terminals.find((x) => x.id === terminalId);
    const head = t?.rating_head_seq && t.rating_head_hash ? { seq: t.rating_head_seq, hash: t.rating_head_hash } : null;
    if (!c) chains.set(terminalId, (c = { device: t?.device_id ?? device ?? terminalId, head, stored: new Map(), sent: new Map() }));
    return c;
  };
  const rows = await db.selectFrom('ratings').selectAll().execute();
  for (const r of rows) chainOf(r.terminal_id, r.device_id).stored.set(r.chain_seq, toRecord(r));
  const aside = new Set([
    ...(await db.selectFrom('pending_ratings').select('event_id').execute()).map((p) => p.event_id),
    ...(await db.selectFrom('failed_events').select('event_id').where('type', '=', RATING_EVENT).where('resolved_at', 'is', null).execute()).map((f) => f.event_id),
  ]);
  for (const e of await db.selectFrom('events').select(['terminal_id', 'event_id', 'payload']).where('type', '=', RATING_EVENT).execute()) {
    const r = RatingRecord.safeParse(e.payload);
    const chain = r.success ? chainOf(e.terminal_id, null) : null;
    // A row naming another device's chain is none of the uploader's (it was refused, and failed_events shows it).
    if (r.success && chain && r.data.terminalDeviceId === chain.device) chain.sent.set(r.data.chainSeq, { record: r.data, heldAside: aside.has(e.event_id) });
  }
  for (const t of terminals) if (t.rating_head_seq) chainOf(t.id, null);

  let firstBroken: BrokenLink | null = null;
  for (const c of [...chains.values()].sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0))) {
    firstBroken = brokenIn(c);
    if (firstBroken) break;
  }
  return { ok: firstBroken === null, chains: [...chains.values()].filter((c) => c.stored.size || c.sent.size).length, rows: rows.length, firstBroken };
}
