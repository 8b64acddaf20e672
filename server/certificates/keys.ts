import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { CertificateKey } from '../../core/contract/index.js';
import { newSigningKey } from '../../core/common/certificate-payload.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { appendChange } from '../sync/append.js';

type Tx = Transaction<ServerSchema>;
interface KeyRow {
  key_id: string;
  public_key: string;
  issuer: string;
  active_from: Date;
  retired_at: Date | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The public part of a signing key, as terminals and verifiers hold it. */
export const publicKeyOf = (k: KeyRow): CertificateKey => ({ keyId: k.key_id, publicKey: k.public_key, issuer: k.issuer, activeFrom: iso(k.active_from)!, retiredAt: iso(k.retired_at) });

const PUBLIC = ['key_id', 'public_key', 'issuer', 'active_from', 'retired_at'] as const;

/** Every verifying key, the retired ones included (what they signed still verifies), oldest first. */
export async function verifyingKeys(db: ServerDb | Tx): Promise<CertificateKey[]> {
  return (await db.selectFrom('certificate_keys').select(PUBLIC).orderBy('active_from').orderBy('key_id').execute()).map(publicKeyOf);
}

/** The key that signs now: the newest one not retired. Its private part stays in this module's callers' transaction. */
export async function activeKey(tx: Tx): Promise<{ keyId: string; privateKey: string } | null> {
  const row = await tx.selectFrom('certificate_keys').select(['key_id', 'private_key']).where('retired_at', 'is', null).orderBy('active_from', 'desc').orderBy('key_id', 'desc').executeTakeFirst();
  return row ? { keyId: row.key_id, privateKey: row.private_key } : null;
}

/** Key changes and the first import's key creation happen one at a time. */
export const lockKeys = (tx: Tx) => sql`LOCK TABLE certificate_keys IN EXCLUSIVE MODE`.execute(tx);

async function announce(tx: Tx, keyId: string, now: Date): Promise<CertificateKey> {
  const row = await tx.selectFrom('certificate_keys').select(PUBLIC).where('key_id', '=', keyId).executeTakeFirstOrThrow();
  const key = publicKeyOf(row);
  await appendChange(tx, { entity: 'certificate_key', key: keyId, op: 'upsert', data: key }, now);
  return key;
}

/** A new SM2 signing key, active from `now`; its public part goes to every terminal. */
export async function insertKey(tx: Tx, issuer: string, now: Date): Promise<CertificateKey> {
  const { privateKey, publicKey } = newSigningKey();
  const keyId = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  await tx.insertInto('certificate_keys').values({ key_id: keyId, public_key: publicKey, private_key: privateKey, issuer, active_from: now, retired_at: null }).execute();
  return announce(tx, keyId, now);
}

export class KeyStateError extends Error {}

/** `certificate key create`: the first signing key; refused while one is active (rotate replaces it). */
export async function createKey(db: ServerDb, issuer: string, now: Date): Promise<CertificateKey> {
  return db.transaction().execute(async (tx) => {
    await lockKeys(tx);
    const active = await activeKey(tx);
    if (active) throw new KeyStateError(`Key ${active.keyId} is active already; \`certificate key rotate\` replaces it. Nothing was changed.`);
    return insertKey(tx, issuer, now);
  });
}

/** `certificate key rotate`: a new active key; the old one is retired (it signs no more, what it signed still verifies). */
export async function rotateKey(db: ServerDb, issuer: string, now: Date): Promise<{ retired: CertificateKey | null; created: CertificateKey }> {
  return db.transaction().execute(async (tx) => {
    await lockKeys(tx);
    const active = await activeKey(tx);
    let retired: CertificateKey | null = null;
    if (active) {
      await tx.updateTable('certificate_keys').set({ retired_at: now }).where('key_id', '=', active.keyId).execute();
      retired = await announce(tx, active.keyId, now);
    }
    return { retired, created: await insertKey(tx, issuer, now) };
  });
}
