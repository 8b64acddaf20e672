import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadServerConfig, type ServerConfig } from '../config.js';
import { buildServerApp } from '../http/app.js';
import { createStaff } from '../staff/repository.js';
import { createTerminal } from '../terminals/repository.js';
import type { ServerDb } from '../db/connection.js';
import { backends, type SharedDb, type TestDb } from '../test-db.js';
import type * as passwords from './passwords.js';
import { verifyPassword } from './passwords.js';

vi.mock('./passwords.js', async (original) => {
  const actual = await original<typeof passwords>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const PASSWORD = 'right-password-1';
const publicKey = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;

describe.each(backends)('guessing limits on $name', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const config: ServerConfig = { ...loadServerConfig({}), now: () => clock };
  const window = config.attemptLimits.windowMs;

  beforeAll(async () => {
    t = await backend.open();
    app = await buildServerApp(t.db, config);
    for (const login of ['li.na', 'chen.yu', 'he.bo', 'ma.li', 'du.fei', 'wu.lei']) {
      await createStaff(t.db, { login, name: login, number: login.replace('.', '-'), role: 'supervisor' }, PASSWORD, clock);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const signIn = (login: string, password: string, from = '10.0.0.1', lang = 'en') =>
    app.inject({ method: 'POST', url: '/api/staff/login', remoteAddress: from, headers: { 'accept-language': lang }, payload: { login, password } });
  const enroll = (code: string, from: string, lang = 'en') =>
    app.inject({ method: 'POST', url: '/api/enroll', remoteAddress: from, headers: { 'accept-language': lang }, payload: { code, publicKey: publicKey(), deviceId: 'dev' } });
  const sessions = async () => (await t.db.selectFrom('staff_sessions').select('token_hash').execute()).length;
  const newCode = async (name: string) => (await createTerminal(t.db, { name, hall: 'main', roles: ['kiosk'] }, clock, config.enrollCodeTtlMs)).code;

  describe('staff sign-in', () => {
    it('refuses a login at an address after 5 wrong passwords there, even with the right one, without checking it', async () => {
      for (let i = 0; i < 5; i++) expect((await signIn('li.na', `wrong-${i}`)).statusCode).toBe(401);
      clock += 5 * 60_000;
      const before = await sessions();
      const checks = vi.mocked(verifyPassword).mock.calls.length;

      const refused = await signIn('li.na', PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('600');
      expect(refused.json().error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed attempts. Please try again in 10 min.' });
      expect(vi.mocked(verifyPassword).mock.calls.length).toBe(checks);
      expect(await sessions()).toBe(before);

      expect((await signIn('chen.yu', PASSWORD)).statusCode).toBe(200);
    });

    it('a stranger’s wrong passwords do not stop the clerk signing in from their own counter', async () => {
      const stranger = '10.0.0.66';
      const counter = '10.0.0.9';
      for (let i = 0; i < 5; i++) expect((await signIn('wu.lei', `wrong-${i}`, stranger)).statusCode).toBe(401);
      expect((await signIn('wu.lei', PASSWORD, stranger)).statusCode).toBe(429);
      expect((await signIn('wu.lei', PASSWORD, counter)).statusCode).toBe(200);
      expect((await signIn('wu.lei', PASSWORD, stranger)).statusCode).toBe(429);
    });

    it('lets the login in again once the window has passed', async () => {
      for (let i = 0; i < 5; i++) await signIn('he.bo', `wrong-${i}`, '10.0.0.2');
      expect((await signIn('he.bo', PASSWORD, '10.0.0.2')).statusCode).toBe(429);
      clock += window - 1000;
      expect((await signIn('he.bo', PASSWORD, '10.0.0.2')).headers['retry-after']).toBe('1');
      clock += 1000;
      expect((await signIn('he.bo', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    });

    it('forgets a login’s failures when it signs in', async () => {
      for (let i = 0; i < 4; i++) expect((await signIn('ma.li', `wrong-${i}`, '10.0.0.3')).statusCode).toBe(401);
      expect((await signIn('ma.li', PASSWORD, '10.0.0.3')).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await signIn('ma.li', `again-${i}`, '10.0.0.3')).statusCode).toBe(401);
      expect((await signIn('ma.li', PASSWORD, '10.0.0.3')).statusCode).toBe(200);
    });

    it('refuses an address after 20 failures across logins, whichever login it tries next', async () => {
      for (let i = 0; i < 20; i++) expect((await signIn(`guess.${i}`, 'wrong-password', '10.0.0.4')).statusCode).toBe(401);
      const refused = await signIn('du.fei', PASSWORD, '10.0.0.4', 'ru');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toBe('Слишком много неудачных попыток. Повторите через 15 мин.');
      expect((await signIn('du.fei', PASSWORD, '10.0.0.5', 'zh-CN')).statusCode).toBe(200);
    });
  });

  describe('enrollment', () => {
    it('refuses an address after 10 wrong codes, even with a right one, enrolling nothing; other addresses enroll', async () => {
      for (let i = 0; i < 10; i++) expect((await enroll(`ZZZZZ-ZZZ${i.toString().padStart(2, '0')}`, '10.1.0.1')).statusCode).toBe(401);
      const code = await newCode('Kiosk limited');
      const refused = await enroll(code, '10.1.0.1', 'zh-CN,zh;q=0.9');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(window / 1000));
      expect(refused.json().error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '尝试失败次数过多，请 15 分钟后再试。' });
      const row = await t.db.selectFrom('terminals').selectAll().where('enroll_code_hash', 'is not', null).where('name', '=', 'Kiosk limited').executeTakeFirstOrThrow();
      expect(row.enrolled_at).toBeNull();
      expect(row.public_key).toBeNull();

      expect((await enroll(await newCode('Kiosk elsewhere'), '10.1.0.2')).statusCode).toBe(200);
      clock += window;
      expect((await enroll(code, '10.1.0.1')).statusCode).toBe(200);
    });

    it('never refuses an address that enrolls many terminals without a wrong code', async () => {
      for (let i = 0; i < 12; i++) expect((await enroll(await newCode(`Counter ${i}`), '10.1.0.3')).statusCode).toBe(200);
    });
  });
});

describe.each(backends)('guessing limits across a server restart on $name', (backend) => {
  let shared: SharedDb;
  let db: ServerDb | undefined;
  let app: FastifyInstance | undefined;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const config: ServerConfig = { ...loadServerConfig({}), now: () => clock };

  const start = async () => {
    db = await shared.connect();
    app = await buildServerApp(db, config);
    return app;
  };
  const stop = async () => {
    await app?.close();
    await db?.destroy();
    app = db = undefined;
  };
  beforeAll(async () => {
    shared = await backend.openShared();
    await start();
    await createStaff(db!, { login: 'li.na', name: 'Li Na', number: '0101', role: 'clerk' }, PASSWORD, clock);
  });
  afterAll(async () => {
    await stop();
    await shared?.cleanup();
  });

  it('still refuses a guessed login and a guessing address after a restart, and lets them in once the window has passed', async () => {
    const signIn = (password: string) => app!.inject({ method: 'POST', url: '/api/staff/login', remoteAddress: '10.2.0.1', payload: { login: 'li.na', password } });
    const enroll = (code: string) => app!.inject({ method: 'POST', url: '/api/enroll', remoteAddress: '10.2.0.2', payload: { code, publicKey: publicKey(), deviceId: 'dev' } });
    const code = (await createTerminal(db!, { name: 'Kiosk 9', hall: 'main', roles: ['kiosk'] }, clock, config.enrollCodeTtlMs)).code;
    for (let i = 0; i < 5; i++) expect((await signIn(`wrong-${i}`)).statusCode).toBe(401);
    for (let i = 0; i < 10; i++) expect((await enroll(`ZZZZZ-ZZZ${i.toString().padStart(2, '0')}`)).statusCode).toBe(401);

    await stop();
    await start();
    expect((await signIn(PASSWORD)).statusCode).toBe(429);
    expect((await enroll(code)).statusCode).toBe(429);

    clock += config.attemptLimits.windowMs;
    await stop();
    await start();
    expect((await signIn(PASSWORD)).statusCode).toBe(200);
    expect((await enroll(code)).statusCode).toBe(200);
  });
});
