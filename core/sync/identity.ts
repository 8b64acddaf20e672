import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { TerminalRole } from '../contract/index.js';
import type { Db } from '../db/connection.js';

export interface KeyPair {
  /** Raw 32-byte Ed25519 public key, base64url: what the server stores. */
  publicKey: string;
  privateKey: KeyObject;
}

export interface SyncIdentity extends KeyPair {
  serverUrl: string;
  terminalId: string;
  name: string;
  hall: string;
  roles: TerminalRole[];
  enrolledAt: string;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'jwk' }).x!, privateKey };
}

export function saveIdentity(db: Db, id: SyncIdentity): void {
  const der = id.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  db.prepare(
    `INSERT INTO sync_identity (id, server_url, terminal_id, name, hall, roles, public_key, private_key, enrolled_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, terminal_id = excluded.terminal_id, name = excluded.name,
       hall = excluded.hall, roles = excluded.roles, public_key = excluded.public_key, private_key = excluded.private_key,
       enrolled_at = excluded.enrolled_at`,
  ).run(id.serverUrl, id.terminalId, id.name, id.hall, JSON.stringify(id.roles), id.publicKey, der, id.enrolledAt);
}

/** The enrolled identity, or null before enrollment. */
export function loadIdentity(db: Db): SyncIdentity | null {
  const row = db.prepare('SELECT * FROM sync_identity WHERE id = 1').get() as
    | { server_url: string; terminal_id: string; name: string; hall: string; roles: string; public_key: string; private_key: string; enrolled_at: string }
    | undefined;
  if (!row) return null;
  return {
    serverUrl: row.server_url,
    terminalId: row.terminal_id,
    name: row.name,
    hall: row.hall,
    roles: JSON.parse(row.roles) as TerminalRole[],
    publicKey: row.public_key,
    privateKey: createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' }),
    enrolledAt: row.enrolled_at,
  };
}

/** Points the enrolled identity at the same server under another address (keys, id and pin unchanged). */
export function moveServer(db: Db, serverUrl: string): void {
  db.prepare('UPDATE sync_identity SET server_url = ? WHERE id = 1').run(serverUrl.replace(/\/+$/, ''));
}
