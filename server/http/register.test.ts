import Fastify from 'fastify';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_ERROR_MESSAGES } from '../../core/contract/index.js';
import { serverErrors } from './errors.js';
import { serverLogger } from './logging.js';
import { registerServerApi, type ServerHandlers } from './register.js';

// A handler whose answer breaks its own schema is the server's fault, not the terminal's.

let log = '';
const stream = new PassThrough();
stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
const app = Fastify({ logger: serverLogger(stream) });
const handlers = { enroll: () => ({ terminalId: 'T1', name: 'Kiosk', hall: 'main', roles: ['kiosk'], serverTime: '13812345678' }) } as unknown as ServerHandlers;
const refuse = () => Promise.reject(new Error('not used'));
registerServerApi(app, handlers, serverErrors, refuse, refuse, refuse);
afterAll(() => app.close());

describe('an answer that does not match its schema', () => {
  it('is a translated 500 INTERNAL with a log line naming the route and the fields, not their values', async () => {
    const payload = { code: 'K7P2-9QXM', publicKey: 'A'.repeat(43), deviceId: 'dev-1' };
    const res = await app.inject({ method: 'POST', url: '/api/enroll', payload, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: SERVER_ERROR_MESSAGES.en.INTERNAL } });
    const fault = log
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; route?: string; issues?: unknown })
      .find((l) => l.route);
    expect(fault).toMatchObject({ level: 50, route: 'POST /api/enroll', issues: [{ path: 'serverTime', code: 'invalid_type' }] });
    for (const value of ['13812345678', 'K7P2-9QXM', 'dev-1']) expect(log).not.toContain(value);
  });
});
