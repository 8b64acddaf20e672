import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRequest } from '../../core/contract/index.js';
import { loadServerConfig, type ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { backends, type TestDb } from '../test-db.js';
import { createTerminal, disableTerminal, reissueEnrollCode } from '../terminals/repository.js';
import { buildServerApp } from './app.js';

// The terminal's signer lives in core/sync, which the server may not import; this independent one
// cross-checks the canonical string of the contract.
interface Key {
  publicKey: string;
  privateKey: KeyObject;
}
function newKey(): Key {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'jwk' }).x!, privateKey };
}
function signed(terminalId: string, key: Key, method: string, path: string, body: string, timestamp: number, nonce = randomBytes(16).toString('hex')) {
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  const msg = canonicalRequest({ method, path, timestamp: String(timestamp), nonce, bodySha256 });
  return {
    'x-terminal-id': terminalId,
    'x-timestamp': String(timestamp),
    'x-nonce': nonce,
    'x-signature': sign(null, Buffer.from(msg), key.privateKey).toString('base64url'),
  };
}

describe.each(backends)('central server on $name', (backend) => {
  let t: TestDb;
  let db: ServerDb;
  let app: FastifyInstance;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const config: ServerConfig = { ...loadServerConfig({}), now: () => clock };

  beforeAll(async () => {
    t = await backend.open();
    db = t.db;
    app = await buildServerApp(db, config);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  async function enrolled(name = 'Kiosk', roles: ('kiosk' | 'counter' | 'rating' | 'hall')[] = ['kiosk']) {
    const { terminal, code } = await createTerminal(db, { name, hall: 'main', roles }, clock, config.enrollCodeTtlMs);
    const key = newKey();
    const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: key.publicKey, deviceId: `dev-${name}` } });
    expect(res.statusCode).toBe(200);
    return { id: terminal.id, key, code };
  }

  /** Everything a refused request must leave as it was. */
  async function snapshot(id: string) {
    const row = await db.selectFrom('terminals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const nonces = await db.selectFrom('nonces').select(['nonce', 'expires_at']).where('terminal_id', '=', id).orderBy('nonce').execute();
    return { row, nonces };
  }

  const heartbeat = JSON.stringify({ version: '0.1.0', outboxPending: 3, clockOffsetMs: -1200, deadLetters: 2, lastSyncAt: '2026-03-02T08:00:00.000Z' });
  const postHeartbeat = (headers: Record<string, string>, payload = heartbeat) =>
    app.inject({ method: 'POST', url: '/api/terminal/heartbeat', headers: { ...headers, 'content-type': 'application/json' }, payload });

  describe('enrollment', () => {
    it('enrolls a terminal with its one-time code and tells it who it is and the server time', async () => {
      const { terminal, code } = await createTerminal(db, { name: 'Counter 3', hall: 'main', roles: ['counter', 'rating'] }, clock, config.enrollCodeTtlMs);
      const key = newKey();
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: key.publicKey, deviceId: 'dev-c3' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ terminalId: terminal.id, name: 'Counter 3', hall: 'main', roles: ['counter', 'rating'], ticketPrefix: terminal.ticketPrefix, serverTime: clock });
      expect(terminal.ticketPrefix).toMatch(/^T\d+$/);
      expect(res.headers['x-server-time']).toBe(String(clock));
      const row = await db.selectFrom('terminals').selectAll().where('id', '=', terminal.id).executeTakeFirstOrThrow();
      expect(row.public_key).toBe(key.publicKey);
      expect(row.enrolled_at?.getTime()).toBe(clock);
      expect(row.enroll_code_hash).not.toContain(code.replace('-', ''));
    });

    it('accepts the code typed in lower case, without the dash, with O for 0', async () => {
      const { terminal, code } = await createTerminal(db, { name: 'Hall TV', hall: 'main', roles: ['hall'] }, clock, config.enrollCodeTtlMs);
      const typed = code.replace('-', ' ').replace(/0/g, 'O').toLowerCase();
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code: typed, publicKey: newKey().publicKey, deviceId: 'dev-tv' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().terminalId).toBe(terminal.id);
    });

    it('refuses a code that was already used, and keeps the first key', async () => {
      const { id, key, code } = await enrolled('Kiosk reuse');
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: newKey().publicKey, deviceId: 'intruder' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('ENROLL_CODE_USED');
      const row = await db.selectFrom('terminals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.public_key).toBe(key.publicKey);
      expect(row.device_id).toBe('dev-Kiosk reuse');
    });

    it('refuses an expired code and an unknown one, enrolling nothing', async () => {
      const { terminal, code } = await createTerminal(db, { name: 'Late', hall: 'main', roles: ['kiosk'] }, clock - config.enrollCodeTtlMs - 1, config.enrollCodeTtlMs);
      const expired = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: newKey().publicKey, deviceId: 'd' } });
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.code).toBe('ENROLL_CODE_EXPIRED');
      const unknown = await app.inject({ method: 'POST', url: '/api/enroll', headers: { 'accept-language': 'en' }, payload: { code: 'ZZZZZ-ZZZZZ', publicKey: newKey().publicKey, deviceId: 'd' } });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().error).toEqual({ code: 'ENROLL_CODE_INVALID', message: 'The enrollment code is not right. Please check it and enter it again.' });
      const row = await db.selectFrom('terminals').selectAll().where('id', '=', terminal.id).executeTakeFirstOrThrow();
      expect(row.enrolled_at).toBeNull();
      expect(row.public_key).toBeNull();
    });

    it('refuses the code of a disabled terminal', async () => {
      const { terminal, code } = await createTerminal(db, { name: 'Gone', hall: 'main', roles: ['kiosk'] }, clock, config.enrollCodeTtlMs);
      await disableTerminal(db, terminal.id, clock);
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: newKey().publicKey, deviceId: 'd' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('TERMINAL_DISABLED');
    });

    it('refuses a malformed key', async () => {
      const { code } = await createTerminal(db, { name: 'Bad key', hall: 'main', roles: ['kiosk'] }, clock, config.enrollCodeTtlMs);
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: 'not-a-key', deviceId: 'd' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('signed requests', () => {
    it('accepts a signed request, records the contact and keeps its nonce', async () => {
      const { id, key } = await enrolled('Signed');
      clock += 60_000;
      const headers = signed(id, key, 'GET', '/api/terminal/me', '', clock);
      const res = await app.inject({ method: 'GET', url: '/api/terminal/me', headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().terminal).toMatchObject({ id, name: 'Signed', hall: 'main', roles: ['kiosk'], lastSeenAt: new Date(clock).toISOString(), disabledAt: null });
      expect(res.json().serverTime).toBe(clock);
      expect((await snapshot(id)).nonces.map((n) => n.nonce)).toEqual([headers['x-nonce']]);
    });

    it('records a heartbeat: version, outbox backlog, dead letters, last sync and clock offset', async () => {
      const { id, key } = await enrolled('Beat');
      const res = await postHeartbeat(signed(id, key, 'POST', '/api/terminal/heartbeat', heartbeat, clock));
      expect(res.statusCode).toBe(200);
      const me = await app.inject({ method: 'GET', url: '/api/terminal/me', headers: signed(id, key, 'GET', '/api/terminal/me', '', clock) });
      expect(me.json().terminal).toMatchObject({ version: '0.1.0', outboxPending: 3, clockOffsetMs: -1200, deadLetters: 2, lastSyncAt: '2026-03-02T08:00:00.000Z' });
    });

    it('refuses a tampered body and changes nothing', async () => {
      const { id, key } = await enrolled('Tamper');
      const before = await snapshot(id);
      clock += 1000;
      const headers = signed(id, key, 'POST', '/api/terminal/heartbeat', heartbeat, clock);
      const res = await postHeartbeat(headers, heartbeat.replace('"outboxPending":3', '"outboxPending":0'));
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('SIGNATURE_INVALID');
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses a signature made for another path', async () => {
      const { id, key } = await enrolled('Other path');
      const res = await app.inject({ method: 'GET', url: '/api/terminal/me', headers: signed(id, key, 'GET', '/api/terminal/me?x=1', '', clock) });
      expect(res.json().error.code).toBe('SIGNATURE_INVALID');
    });

    it('refuses a replayed request, also after a server restart, and changes nothing', async () => {
      const { id, key } = await enrolled('Replay');
      const headers = signed(id, key, 'POST', '/api/terminal/heartbeat', heartbeat, clock);
      expect((await postHeartbeat(headers)).statusCode).toBe(200);
      const before = await snapshot(id);
      clock += 1000;
      const again = await postHeartbeat(headers);
      expect(again.statusCode).toBe(401);
      expect(again.json().error.code).toBe('NONCE_REUSED');

      const restarted = await buildServerApp(db, config);
      const afterRestart = await restarted.inject({ method: 'POST', url: '/api/terminal/heartbeat', headers: { ...headers, 'content-type': 'application/json' }, payload: heartbeat });
      await restarted.close();
      expect(afterRestart.json().error.code).toBe('NONCE_REUSED');
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses a stale or future timestamp, tells the server time, and changes nothing', async () => {
      const { id, key } = await enrolled('Stale');
      const before = await snapshot(id);
      for (const ts of [clock - config.signatureWindowMs - 1, clock + config.signatureWindowMs + 1]) {
        const res = await postHeartbeat(signed(id, key, 'POST', '/api/terminal/heartbeat', heartbeat, ts));
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('TIMESTAMP_OUT_OF_WINDOW');
        expect(res.headers['x-server-time']).toBe(String(clock));
      }
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses an unknown key and an unknown terminal, and changes nothing', async () => {
      const { id } = await enrolled('Victim');
      const before = await snapshot(id);
      const wrongKey = await postHeartbeat(signed(id, newKey(), 'POST', '/api/terminal/heartbeat', heartbeat, clock));
      expect(wrongKey.statusCode).toBe(401);
      expect(wrongKey.json().error.code).toBe('SIGNATURE_INVALID');
      const unknown = await postHeartbeat(signed('01NOSUCHTERMINAL000000000', newKey(), 'POST', '/api/terminal/heartbeat', heartbeat, clock));
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().error.code).toBe('TERMINAL_UNKNOWN');
      const unsigned = await app.inject({ method: 'GET', url: '/api/terminal/me' });
      expect(unsigned.statusCode).toBe(401);
      expect(unsigned.json().error.code).toBe('SIGNATURE_MISSING');
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses a disabled terminal at once, and changes nothing', async () => {
      const { id, key } = await enrolled('Disabled');
      expect((await app.inject({ method: 'GET', url: '/api/terminal/me', headers: signed(id, key, 'GET', '/api/terminal/me', '', clock) })).statusCode).toBe(200);
      await disableTerminal(db, id, clock);
      const before = await snapshot(id);
      clock += 1000;
      const res = await postHeartbeat(signed(id, key, 'POST', '/api/terminal/heartbeat', heartbeat, clock));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('TERMINAL_DISABLED');
      expect(await snapshot(id)).toEqual(before);
    });

    it('stops accepting the old key once a new enrollment code is issued', async () => {
      const { id, key } = await enrolled('Replaced PC');
      await reissueEnrollCode(db, id, clock, config.enrollCodeTtlMs);
      const res = await app.inject({ method: 'GET', url: '/api/terminal/me', headers: signed(id, key, 'GET', '/api/terminal/me', '', clock) });
      expect(res.json().error.code).toBe('TERMINAL_UNKNOWN');
    });
  });

  it('serves an OpenAPI document with the server error codes and the signature headers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/enroll', '/api/terminal/me', '/api/terminal/heartbeat', '/api/sync/events', '/api/sync/changes', '/api/queue/tickets']));
    expect(doc.paths['/api/sync/changes'].get.responses['410'].content['application/json'].schema.required).toEqual(['snapshot']);
    const me = doc.paths['/api/terminal/me'].get;
    expect(me.parameters.map((p: any) => p.name)).toEqual(['x-terminal-id', 'x-timestamp', 'x-nonce', 'x-signature']);
    expect(me.responses['4XX'].content['application/json'].schema.properties.error.properties.code.enum).toContain('NONCE_REUSED');
    expect(doc.paths['/api/enroll'].post.parameters).toEqual([]);
  });
});
