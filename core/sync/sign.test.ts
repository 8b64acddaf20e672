import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest } from '../contract/index.js';
import { openDatabase } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { loadIdentity, newKeyPair, saveIdentity } from './identity.js';
import { signRequest } from './sign.js';

const verifies = (publicKey: string, h: Record<string, string>, method: string, path: string, body: string) =>
  verify(
    null,
    Buffer.from(
      canonicalRequest({ method, path, timestamp: h['x-timestamp']!, nonce: h['x-nonce']!, bodySha256: createHash('sha256').update(body).digest('hex') }),
    ),
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' }),
    Buffer.from(h['x-signature']!, 'base64url'),
  );

describe('signRequest', () => {
  it('signs method, path, timestamp, nonce and body so that only the exact request verifies', () => {
    const keys = newKeyPair();
    const body = '{"outboxPending":3}';
    const h = signRequest({ terminalId: 'T1', privateKey: keys.privateKey }, { method: 'post', path: '/api/terminal/heartbeat', body }, 1_772_441_999_999.6);
    expect(h['x-terminal-id']).toBe('T1');
    expect(h['x-timestamp']).toBe('1772442000000');
    expect(verifies(keys.publicKey, h, 'POST', '/api/terminal/heartbeat', body)).toBe(true);
    expect(verifies(keys.publicKey, h, 'POST', '/api/terminal/heartbeat', '{"outboxPending":0}')).toBe(false);
    expect(verifies(keys.publicKey, h, 'POST', '/api/terminal/me', body)).toBe(false);
    expect(verifies(keys.publicKey, { ...h, 'x-timestamp': '1772442000001' }, 'POST', '/api/terminal/heartbeat', body)).toBe(false);
    expect(verifies(newKeyPair().publicKey, h, 'POST', '/api/terminal/heartbeat', body)).toBe(false);
  });

  it('uses a fresh nonce for every request', () => {
    const signer = { terminalId: 'T1', privateKey: newKeyPair().privateKey };
    const a = signRequest(signer, { method: 'GET', path: '/x' }, 1);
    const b = signRequest(signer, { method: 'GET', path: '/x' }, 1);
    expect(a['x-nonce']).not.toBe(b['x-nonce']);
    expect(a['x-nonce']).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });
});

describe('stored identity', () => {
  it('survives a restart and still signs for the same public key', () => {
    const tmp = tempDir();
    const file = tmp.file('t.sqlite');
    const db = openDatabase(file);
    expect(loadIdentity(db)).toBeNull();
    const keys = newKeyPair();
    saveIdentity(db, { ...keys, serverUrl: 'http://server:4800', terminalId: 'T9', name: 'Kiosk', hall: 'main', roles: ['kiosk'], enrolledAt: '2026-03-02T09:00:00.000Z' });
    db.close();
    const again = openDatabase(file);
    const id = loadIdentity(again)!;
    expect(id).toMatchObject({ serverUrl: 'http://server:4800', terminalId: 'T9', roles: ['kiosk'], publicKey: keys.publicKey });
    const h = signRequest(id, { method: 'GET', path: '/api/terminal/me' }, 5);
    expect(verifies(keys.publicKey, h, 'GET', '/api/terminal/me', '')).toBe(true);
    again.close();
    tmp.cleanup();
  });
});
