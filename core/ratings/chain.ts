import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { AppError, GENESIS_HASH, RATING_EVENT, RatingRecord, ratingHashInput, type ChainReport } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { deviceId, getMeta } from '../db/meta.js';
import { appendEvent } from '../outbox/outbox.js';

/** What the caller knows of a rating; the chain fills in id, position and hashes. */
export type RatingFields = Omit<RatingRecord, 'id' | 'chainSeq' | 'terminalDeviceId' | 'prevHash' | 'hash'> & { id?: string };

export const ratingHash = (r: Omit<RatingRecord, 'hash'>) => createHash('sha256').update(ratingHashInput(r), 'utf8').digest('hex');

interface Row {
  chain_seq: number;
  id: string;
  service_id: string;
  doc: string;
  prev_hash: string;
  hash: string;
}

export function isRated(db: Db, serviceId: string): boolean {
  return !!db.prepare('SELECT 1 FROM rating WHERE service_id = ?').get(serviceId);
}

/**
 * Appends a rating to this terminal's chain and its outbox event, in one transaction (nested in the
 * caller's when there is one). A service already rated here is refused and nothing is written.
 */
export function appendRating(db: Db, fields: RatingFields): RatingRecord {
  return db.transaction((): RatingRecord => {
    if (isRated(db, fields.serviceId)) throw new AppError('ALREADY_RATED');
    const last = db.prepare('SELECT chain_seq, hash FROM rating ORDER BY chain_seq DESC LIMIT 1').get() as Pick<Row, 'chain_seq' | 'hash'> | undefined;
    const unhashed: Omit<RatingRecord, 'hash'> = {
      id: fields.id ?? ulid(),
      chainSeq: (last?.chain_seq ?? 0) + 1,
      terminalDeviceId: deviceId(db),
      serviceId: fields.serviceId,
      ticketNumber: fields.ticketNumber,
      counterNo: fields.counterNo,
      clerkNumber: fields.clerkNumber,
      service: fields.service,
      matter: fields.matter,
      level: fields.level,
      reasons: fields.reasons,
      comment: fields.comment,
      channel: fields.channel,
      recordedAt: fields.recordedAt,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const record = RatingRecord.parse({ ...unhashed, hash: ratingHash(unhashed) });
    db.prepare('INSERT INTO rating (chain_seq, id, service_id, doc, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
      record.chainSeq,
      record.id,
      record.serviceId,
      JSON.stringify(record),
      record.prevHash,
      record.hash,
    );
    appendEvent(db, RATING_EVENT, record);
    return record;
  })();
}

type Broken = NonNullable<ChainReport['firstBroken']>;

/** Why one stored row does not stand on its own or on the row before it; null when it does. */
function checkRow(row: Row, expectedSeq: number, prevHash: string): Broken['problem'] | null {
  if (row.chain_seq !== expectedSeq) return 'missing-row';
  let doc: RatingRecord;
  try {
    doc = RatingRecord.parse(JSON.parse(row.doc));
  } catch {
    return 'hash-mismatch';
  }
  if (doc.chainSeq !== row.chain_seq) return 'out-of-order';
  const { hash, ...rest } = doc;
  if (ratingHash(rest) !== hash || hash !== row.hash || doc.id !== row.id || doc.serviceId !== row.service_id || doc.prevHash !== row.prev_hash) return 'hash-mismatch';
  if (row.prev_hash !== prevHash) return 'link-broken';
  return null;
}

/**
 * Checks this terminal's chain row by row, then against the ratings its outbox recorded (which
 * shows a deleted or rewritten last row that the chain alone cannot). Names the first broken row.
 */
export function verifyChain(db: Db): ChainReport {
  const terminal = getMeta(db, 'device_id') ?? 'unknown';
  const rows = db.prepare('SELECT chain_seq, id, service_id, doc, prev_hash, hash FROM rating ORDER BY chain_seq').all() as Row[];
  const report = (firstBroken: Broken | null): ChainReport => ({ ok: firstBroken === null, chains: rows.length > 0 ? 1 : 0, rows: rows.length, firstBroken });
  let prevHash = GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    const expectedSeq = i + 1;
    const problem = checkRow(row, expectedSeq, prevHash);
    // A gap names the first missing position: the deleted row, whose id is gone with it.
    if (problem === 'missing-row') return report({ terminal, chainSeq: expectedSeq, id: null, problem });
    if (problem) return report({ terminal, chainSeq: row.chain_seq, id: row.id, problem });
    prevHash = row.hash;
  }
  const recorded = db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY device_seq').all(RATING_EVENT) as { payload: string }[];
  const bySeq = new Map(rows.map((r) => [r.chain_seq, r]));
  for (const { payload } of recorded) {
    const sent = RatingRecord.safeParse(JSON.parse(payload));
    if (!sent.success) continue;
    const row = bySeq.get(sent.data.chainSeq);
    if (!row) return report({ terminal, chainSeq: sent.data.chainSeq, id: sent.data.id, problem: 'missing-row' });
    if (row.hash !== sent.data.hash) return report({ terminal, chainSeq: row.chain_seq, id: row.id, problem: 'hash-mismatch' });
  }
  return report(null);
}

export function ratingsOf(db: Db): RatingRecord[] {
  return (db.prepare('SELECT doc FROM rating ORDER BY chain_seq').all() as { doc: string }[]).map((r) => RatingRecord.parse(JSON.parse(r.doc)));
}
