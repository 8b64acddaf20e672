import Fastify, { type FastifyInstance } from 'fastify';
import { randomBytes, scryptSync } from 'node:crypto';
import { ulid } from 'ulid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { putStaff } from '../../core/queue/reference.js';
import { newKeyPair, saveIdentity } from '../../core/sync/identity.js';
import { startTestService, type RunningService } from '../test-service.js';

// A counter enrolled with a stand-in central server that answers what each test says: only the
// server can book or cancel, so the clerk must hear what it answered, and "unreachable" only when
// it did not answer or failed itself.

type Answer = { status: number; body: unknown };
let svc: RunningService;
let server: FastifyInstance;
let next: Answer | null = null;
const received: string[] = [];
const refusal = (status: number, code: string): Answer => ({ status, body: { error: { code, message: code } } });

beforeAll(async () => {
  server = Fastify();
  // A sign-in with the password answers the counter session the booking then carries.
  const session = { token: 'S'.repeat(43), expiresAt: '2099-01-01T00:00:00.000Z', clerk: { login: 'wang.fang', name: '王芳', number: '0101' } };
  server.post('/api/queue/presence', async () => ({ hall: 'main', tickets: [], presence: [], serverTime: Date.now(), session }));
  for (const url of ['/api/appointments', '/api/appointments/:id/cancel']) {
    server.post(url, async (req, reply) => {
      if (req.headers['x-clerk-session'] !== 'S'.repeat(43)) return reply.status(401).send(refusal(401, 'CLERK_SESSION_REQUIRED').body);
      received.push(req.url);
      // What the server did before it refused a NUL itself: its database failed.
      const answer = next ?? (JSON.stringify(req.body).includes('\\u0000') ? refusal(500, 'INTERNAL') : refusal(400, 'VALIDATION_FAILED'));
      return reply.status(answer.status).send(answer.body);
    });
  }
  const serverUrl = await server.listen({ host: '127.0.0.1', port: 0 });
  svc = await startTestService();
  saveIdentity(svc.db, { ...newKeyPair(), serverUrl, terminalId: 'T1', name: 'Counter 1', hall: 'main', roles: ['counter'], enrolledAt: new Date().toISOString() });
  const salt = randomBytes(16);
  const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('correct horse battery', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
  putStaff(svc.db, { login: 'wang.fang', name: '王芳', number: '0101', role: 'clerk', passwordHash: hash, disabled: false });
});
afterAll(async () => {
  await svc?.stop();
  await server?.close();
});
beforeEach(() => {
  next = null;
  received.length = 0;
});

async function call(method: 'GET' | 'POST', url: string, body?: unknown, token?: string) {
  const res = await svc.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, json: res.json() };
}
const signIn = async () => (await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 1 })).json.token as string;
const booking = { enterprise: '黑龙江龙辰国际贸易有限公司', contactPhone: '13812345678', matter: '自动进口许可证申领', procedureCode: null, service: 'A', date: '2026-03-03', from: '09:00', to: '09:30' };
const online = async () => (await call('GET', '/api/status')).json.online as boolean;

describe('a clerk booking and cancelling through the central server', () => {
  it('hears VALIDATION_FAILED for a NUL in the matter or the reason; the server is not asked and stays online', async () => {
    const token = await signIn();
    expect(await online()).toBe(true);
    const booked = await call('POST', '/api/counter/appointments', { ...booking, matter: '自动进口\u0000许可证' }, token);
    const cancelled = await call('POST', `/api/counter/appointments/${ulid()}/cancel`, { requestId: ulid(), reason: '企业\u0000来电' }, token);
    for (const res of [booked, cancelled]) expect([res.status, res.json.error.code, res.json.error.message]).toEqual([400, 'VALIDATION_FAILED', ERROR_MESSAGES.en.VALIDATION_FAILED]);
    expect(received).toEqual([]);
    expect(await online()).toBe(true);
  });

  it('hears the server’s refusal as that refusal, never as "cannot be reached"', async () => {
    const token = await signIn();
    next = refusal(400, 'VALIDATION_FAILED');
    expect((await call('POST', '/api/counter/appointments', booking, token)).json.error.code).toBe('VALIDATION_FAILED');
    expect(await online()).toBe(true);
    next = refusal(409, 'APPOINTMENT_CHECKED_IN');
    expect((await call('POST', `/api/counter/appointments/${ulid()}/cancel`, { requestId: ulid(), reason: null }, token)).json.error.code).toBe('ALREADY_CHECKED_IN');

    next = refusal(401, 'TIMESTAMP_OUT_OF_WINDOW');
    const clock = await call('POST', '/api/counter/appointments', booking, token);
    expect([clock.status, clock.json.error]).toEqual([502, { code: 'SERVER_REFUSED', message: ERROR_MESSAGES.en.SERVER_REFUSED.replace('{{reason}}', 'TIMESTAMP_OUT_OF_WINDOW') }]);
    next = refusal(403, 'TERMINAL_DISABLED');
    const disabled = await call('POST', `/api/counter/appointments/${ulid()}/cancel`, { requestId: ulid(), reason: null }, token);
    expect([disabled.status, disabled.json.error.code, disabled.json.error.message]).toEqual([502, 'SERVER_REFUSED', expect.stringContaining('TERMINAL_DISABLED')]);
  });

  it('hears "cannot be reached" only when the server fails itself', async () => {
    const token = await signIn();
    next = refusal(500, 'INTERNAL');
    const res = await call('POST', '/api/counter/appointments', booking, token);
    expect([res.status, res.json.error.code]).toEqual([503, 'SERVER_UNREACHABLE']);
  });
});
