import { createHash } from 'node:crypto';
import { GENESIS_HASH, RATING_EVENT, RatingRecord, ratingHashInput, type ChainReport } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { toRecord } from './views.js';

type Broken = NonNullable<ChainReport['firstBroken']>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Recomputes every terminal's rating chain from the rows in the server database: each row's hash
 * over its fields, its link to the row before, and no gaps in chainSeq from 1. The uploaded
 * `rating.recorded` events are a second witness: a row they hold that the table lacks (a deleted
 * last row, say) is missing too. Reports the first broken row, chains in device order.
 */
export async function verifyServerChains(db: ServerDb): Promise<ChainReport> {
  const rows = (await db.selectFrom('ratings').selectAll().orderBy('device_id').orderBy('chain_seq').execute()).map(toRecord);
  const witnessed = new Map<string, Map<number, string>>();
  for (const e of await db.selectFrom('events').select('payload').where('type', '=', RATING_EVENT).execute()) {
    const r = RatingRecord.safeParse(e.payload);
    if (!r.success) continue;
    let chain = witnessed.get(r.data.terminalDeviceId);
    if (!chain) witnessed.set(r.data.terminalDeviceId, (chain = new Map()));
    chain.set(r.data.chainSeq, r.data.id);
  }
  const chains = new Map<string, RatingRecord[]>();
  for (const r of rows) {
    let chain = chains.get(r.terminalDeviceId);
    if (!chain) chains.set(r.terminalDeviceId, (chain = []));
    chain.push(r);
  }
  for (const device of witnessed.keys()) if (!chains.has(device)) chains.set(device, []);

  let firstBroken: Broken | null = null;
  for (const device of [...chains.keys()].sort()) {
    firstBroken = checkChain(device, chains.get(device)!, witnessed.get(device) ?? new Map());
    if (firstBroken) break;
  }
  return { ok: firstBroken === null, chains: chains.size, rows: rows.length, firstBroken };
}

function checkChain(device: string, chain: RatingRecord[], witnessed: Map<number, string>): Broken | null {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  for (const r of chain) {
    if (r.chainSeq !== expected) return { terminal: device, chainSeq: expected, id: witnessed.get(expected) ?? null, problem: 'missing-row' };
    if (r.prevHash !== prevHash) return { terminal: device, chainSeq: r.chainSeq, id: r.id, problem: 'link-broken' };
    const { hash, ...rest } = r;
    if (sha256(ratingHashInput(rest)) !== hash) return { terminal: device, chainSeq: r.chainSeq, id: r.id, problem: 'hash-mismatch' };
    prevHash = hash;
    expected++;
  }
  const beyond = [...witnessed.keys()].filter((s) => s >= expected).sort((a, b) => a - b)[0];
  if (beyond !== undefined) return { terminal: device, chainSeq: expected, id: witnessed.get(expected) ?? null, problem: 'missing-row' };
  return null;
}
