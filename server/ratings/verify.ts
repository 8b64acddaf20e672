import { createHash } from 'node:crypto';
import { firstBrokenLink, type BrokenLink } from '../../core/common/rating-chain.js';
import { RATING_EVENT, RatingRecord, type ChainReport } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { toRecord } from './views.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Checks every terminal's rating chain from the rows in the server database (core/common/rating-chain),
 * with the uploaded `rating.recorded` events as witnesses: a row they hold that the table lacks (a
 * deleted last row, say) is missing too. Reports the first broken row, chains in device order.
 */
export async function verifyServerChains(db: ServerDb): Promise<ChainReport> {
  const rows = (await db.selectFrom('ratings').selectAll().orderBy('device_id').orderBy('chain_seq').execute()).map(toRecord);
  const witnessed = new Map<string, Map<number, { id: string; hash: string }>>();
  for (const e of await db.selectFrom('events').select('payload').where('type', '=', RATING_EVENT).execute()) {
    const r = RatingRecord.safeParse(e.payload);
    if (!r.success) continue;
    let chain = witnessed.get(r.data.terminalDeviceId);
    if (!chain) witnessed.set(r.data.terminalDeviceId, (chain = new Map()));
    chain.set(r.data.chainSeq, { id: r.data.id, hash: r.data.hash });
  }
  const chains = new Map<string, RatingRecord[]>();
  for (const r of rows) {
    let chain = chains.get(r.terminalDeviceId);
    if (!chain) chains.set(r.terminalDeviceId, (chain = []));
    chain.push(r);
  }
  for (const device of witnessed.keys()) if (!chains.has(device)) chains.set(device, []);

  let firstBroken: BrokenLink | null = null;
  for (const device of [...chains.keys()].sort()) {
    firstBroken = firstBrokenLink(device, chains.get(device)!, witnessed.get(device) ?? new Map(), sha256);
    if (firstBroken) break;
  }
  return { ok: firstBroken === null, chains: chains.size, rows: rows.length, firstBroken };
}
