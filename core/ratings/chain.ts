import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { maskPersonalText } from '../common/personal-text.js';
import { firstBrokenLink, GENESIS_HASH, ratingHash, type BrokenLink, type RatingChainEntry } from '../common/rating-chain.js';
import { AppError, RATING_EVENT, RatingRecord, type ChainReport } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { deviceId, getMeta } from '../db/meta.js';
import { appendEvent } from '../outbox/outbox.js';

/** What the caller knows of a rating; the chain fills in id, position and hashes. */
export type RatingFields = Omit<RatingRecord, 'id' | 'chainSeq' | 'terminalDeviceId' | 'prevHash' | 'hash'> & { id?: string };

/** An uploaded rating as this terminal keeps it (core/outbox/scrub): its place in the chain alone. */
const ChainEntry = RatingRecord.pick({ id: true, chainSeq: true, terminalDeviceId: true, serviceId: true, prevHash: true, hash: true }).strict();

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

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
      // Whoever rated stays unknown (FACTS.md): a phone or ID number typed into the comment is masked before it is hashed, stored or sent.
      comment: maskPersonalText(fields.comment),
      channel: fields.channel,
      recordedAt: fields.recordedAt,
      ...(fields.holderProof ? { holderProof: fields.holderProof } : {}),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const record = RatingRecord.parse({ ...unhashed, hash: ratingHash(unhashed, sha256) });
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

/** A stored row whose columns say something else than its document: the chain is checked on the documents. */
function storageProblem(row: Row): { doc: RatingRecord | RatingChainEntry } | { problem: BrokenLink['problem'] } {
  let doc: RatingRecord | RatingChainEntry;
  try {
    const json = JSON.parse(row.doc) as unknown;
    const full = RatingRecord.safeParse(json);
    doc = full.success ? full.data : ChainEntry.parse(json);
  } catch {
    return { problem: 'hash-mismatch' };
  }
  if (doc.chainSeq !== row.chain_seq) return { problem: 'out-of-order' };
  if (doc.hash !== row.hash || doc.id !== row.id || doc.serviceId !== row.service_id || doc.prevHash !== row.prev_hash) return { problem: 'hash-mismatch' };
  return { doc };
}

/**
 * Checks this terminal's chain (core/common/rating-chain), with the ratings its outbox recorded as
 * witnesses. Names the first broken row.
 */
export function verifyChain(db: Db): ChainReport {
  const terminal = getMeta(db, 'device_id') ?? 'unknown';
  const rows = db.prepare('SELECT chain_seq, id, service_id, doc, prev_hash, hash FROM rating ORDER BY chain_seq').all() as Row[];
  const report = (firstBroken: BrokenLink | null): ChainReport => ({ ok: firstBroken === null, chains: rows.length > 0 ? 1 : 0, rows: rows.length, firstBroken });
  const chain: (RatingRecord | RatingChainEntry)[] = [];
  for (const row of rows) {
    const stored = storageProblem(row);
    if ('problem' in stored) return report({ terminal, chainSeq: row.chain_seq, id: row.id, problem: stored.problem });
    chain.push(stored.doc);
  }
  const witnesses = new Map<number, { id: string; hash: string }>();
  for (const { payload } of db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY device_seq').all(RATING_EVENT) as { payload: string }[]) {
    const sent = ChainEntry.strip().safeParse(JSON.parse(payload));
    if (sent.success) witnesses.set(sent.data.chainSeq, { id: sent.data.id, hash: sent.data.hash });
  }
  return report(firstBrokenLink(terminal, chain, witnesses, sha256));
}

/** The ratings this terminal still holds whole: those the server has not acknowledged yet. */
export function ratingsOf(db: Db): RatingRecord[] {
  const docs = (db.prepare('SELECT doc FROM rating ORDER BY chain_seq').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as unknown);
  return docs.flatMap((d) => {
    const full = RatingRecord.safeParse(d);
    return full.success ? [full.data] : [];
  });
}

/** The last row of this chain the central server acknowledged (its outbox event sent), for the heartbeat; null before any. */
export function uploadedHead(db: Db): { seq: number; hash: string } | null {
  const row = db
    .prepare("SELECT json_extract(payload, '$.chainSeq') AS seq, json_extract(payload, '$.hash') AS hash FROM outbox WHERE type = ? AND sent_at IS NOT NULL ORDER BY device_seq DESC LIMIT 1")
    .get(RATING_EVENT) as { seq: number | null; hash: string | null } | undefined;
  return row?.seq && row.hash ? { seq: row.seq, hash: row.hash } : null;
}
