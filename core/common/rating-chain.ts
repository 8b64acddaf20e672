import type { ChainReport, RatingRecord } from '../contract/ratings.js';

/**
 * The rating hash chain (好差评 rows are append-only): how a row is hashed and how a chain is
 * checked, the same on a terminal and on the central server. SHA-256 is the platform's, handed in.
 */

export type Sha256Hex = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);

/** The exact text hashed for a rating row: fixed field order, so terminal and server agree. */
export function ratingHashInput(r: Omit<RatingRecord, 'hash'>): string {
  return JSON.stringify([
    r.prevHash,
    r.id,
    r.chainSeq,
    r.terminalDeviceId,
    r.serviceId,
    r.ticketNumber,
    r.counterNo,
    r.clerkNumber,
    r.service,
    r.matter,
    r.level,
    r.reasons,
    r.comment,
    r.channel,
    r.recordedAt,
  ]);
}

export const ratingHash = (r: Omit<RatingRecord, 'hash'>, sha256: Sha256Hex): string => sha256(ratingHashInput(r));

export type BrokenLink = NonNullable<ChainReport['firstBroken']>;

/**
 * What a terminal keeps of a rating once the server has it: its place in the chain and its hash,
 * not what was rated, by whom or how (level, reasons, comment, ticket and clerk leave it).
 */
export type RatingChainEntry = Pick<RatingRecord, 'id' | 'chainSeq' | 'terminalDeviceId' | 'serviceId' | 'prevHash' | 'hash'>;

export const chainEntryOf = (r: RatingChainEntry): RatingChainEntry => ({
  id: r.id,
  chainSeq: r.chainSeq,
  terminalDeviceId: r.terminalDeviceId,
  serviceId: r.serviceId,
  prevHash: r.prevHash,
  hash: r.hash,
});

/** A row that still holds what was rated, so its own hash can be recomputed. */
export const isFullRating = (r: RatingRecord | RatingChainEntry): r is RatingRecord => 'recordedAt' in r;

/** A row the terminal reported elsewhere (its outbox, the uploaded events): chainSeq → id and hash. */
export type Witnesses = ReadonlyMap<number, { id: string; hash: string }>;

/**
 * The first broken row of one terminal's chain, or null. `chain` is its rows in chainSeq order: they
 * must run from 1 without a gap, each linked to the hash before it and hashing to its own (a chain
 * entry whose content has left, checked by its links and witnesses alone). Every
 * witnessed row must be in the chain with the same hash, which shows a deleted or rewritten last
 * row that the chain alone cannot.
 */
export function firstBrokenLink(terminal: string, chain: readonly (RatingRecord | RatingChainEntry)[], witnesses: Witnesses, sha256: Sha256Hex): BrokenLink | null {
  const broken = (chainSeq: number, id: string | null, problem: BrokenLink['problem']): BrokenLink => ({ terminal, chainSeq, id, problem });
  let prevHash = GENESIS_HASH;
  for (const [i, r] of chain.entries()) {
    const expected = i + 1;
    // A gap names the first missing position, and the deleted row's id where a witness kept it.
    if (r.chainSeq !== expected) return broken(expected, witnesses.get(expected)?.id ?? null, 'missing-row');
    const { hash } = r;
    if (isFullRating(r) && ratingHash(r, sha256) !== hash) return broken(r.chainSeq, r.id, 'hash-mismatch');
    if (r.prevHash !== prevHash) return broken(r.chainSeq, r.id, 'link-broken');
    const seen = witnesses.get(r.chainSeq);
    if (seen && seen.hash !== hash) return broken(r.chainSeq, r.id, 'hash-mismatch');
    prevHash = hash;
  }
  const beyond = [...witnesses.keys()].filter((seq) => seq > chain.length).sort((a, b) => a - b)[0];
  return beyond === undefined ? null : broken(chain.length + 1, witnesses.get(chain.length + 1)?.id ?? witnesses.get(beyond)!.id, 'missing-row');
}
