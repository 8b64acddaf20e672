import { verdictOf } from '../../core/common/certificate-verdict.js';
import { readPayload } from '../../core/common/certificate-payload.js';
import { VERIFY_MISSES, VERIFY_PER_ADDRESS } from '../../core/common/guess-rules.js';
import { maskPersonName } from '../../core/common/mask-name.js';
import type { CertificateDoc, Verdict } from '../../core/contract/index.js';
import type { AttemptLimits } from '../auth/attempt-limits.js';
import type { ServerDb } from '../db/connection.js';
import { verifyingKeys } from './keys.js';
import { certificateByIdentifier } from './store.js';

/**
 * The server's record of an identifier, as a page anyone may open is allowed to show it: a citizen
 * holder's name masked, and the newest version of its lineage named when a later one replaced it.
 */
async function publicRecord(db: ServerDb, identifier: string): Promise<CertificateDoc | null> {
  const row = await certificateByIdentifier(db, identifier);
  if (!row) return null;
  const { doc } = row;
  const newer = await db
    .selectFrom('certificates')
    .select('identifier')
    .where('lineage', '=', row.lineage)
    .where('version', '>', doc.version)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return {
    ...doc,
    holder: { ...doc.holder, name: doc.holder.codeType === '111' ? maskPersonName(doc.holder.name) : doc.holder.name },
    supersededBy: doc.supersededBy ?? newer?.identifier ?? null,
  };
}

/** What a QR text proves, by the one rule (core/common/certificate-verdict.ts), against this server's keys and records. */
export async function verifyOnServer(db: ServerDb, text: string): Promise<Verdict> {
  const payload = readPayload(text);
  const [keys, record] = await Promise.all([verifyingKeys(db), payload ? publicRecord(db, payload.identifier) : Promise.resolve(null)]);
  return verdictOf(text, keys, (identifier) => (record && record.identifier === identifier ? record : null));
}

const PROVED_NOTHING = new Set<Verdict['verdict']>(['unreadable', 'forged', 'unknown_issuer']);

/** Carries a verdict out of a guarded try so that the try counts (see below). */
class Counted {
  constructor(readonly verdict: Verdict) {}
}

/**
 * Public verification under the limits of core/common/guess-rules.ts, per client address. Every try
 * counts toward VERIFY_PER_ADDRESS, and one that proved nothing also toward VERIFY_MISSES: the guard
 * keeps a try as a failure only when it throws, so the verdict travels out inside one.
 */
export async function verifyPublicly(db: ServerDb, limits: AttemptLimits, address: string, text: string): Promise<Verdict> {
  const unwrap = (err: unknown) => {
    if (err instanceof Counted) return err.verdict;
    throw err;
  };
  const miss = () =>
    limits.guard(
      [{ kind: 'verify-miss', key: address, rule: VERIFY_MISSES }],
      async () => {
        const verdict = await verifyOnServer(db, text);
        if (PROVED_NOTHING.has(verdict.verdict)) throw new Counted(verdict);
        return verdict;
      },
      (err) => err instanceof Counted,
    );
  return limits
    .guard(
      [{ kind: 'verify-address', key: address, rule: VERIFY_PER_ADDRESS }],
      async () => {
        throw new Counted(await miss().catch(unwrap));
      },
      (err) => err instanceof Counted,
    )
    .catch(unwrap);
}
