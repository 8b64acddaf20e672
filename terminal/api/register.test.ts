import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { terminalErrors } from './errors.js';
import { registerApi, type Handlers } from './register.js';

// A handler whose answer breaks its own schema is the service's fault, not the caller's.

const lines: string[] = [];
const app = Fastify();
const handlers = {
  health: () => ({ status: 'ok', version: '0.1.0', role: 'kiosk', deviceId: 13812345678, database: { ok: true, schemaVersion: 1, outboxPending: 0 }, catalog: { procedures: 1, importedAt: null }, time: '2026-03-02T09:00:00Z' }),
  getProcedure: ({ id }: { id: string }) => ({ id }),
} as unknown as Handlers;
registerApi(app, handlers, terminalErrors((l) => lines.push(l)), () => {
  throw new Error('no staff route here');
});
afterAll(() => app.close());

describe('an answer that does not match its schema', () => {
  it('is a translated 500 INTERNAL with one log line naming the route and the fields, not their values', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-language': 'ru' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: ERROR_MESSAGES.ru.INTERNAL } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('GET /api/health');
    expect(lines[0]).toContain('"path":"deviceId","code":"invalid_type"');
    expect(lines[0]).not.toContain('13812345678');
  });

  it('logs the route’s pattern, never the id or query it was called with', async () => {
    lines.length = 0;
    const res = await app.inject({ method: 'GET', url: '/api/procedures/230102199003071234?lang=en' });
    expect([res.statusCode, res.json().error.message]).toEqual([500, ERROR_MESSAGES.en.INTERNAL]);
    expect(lines[0]).toContain('GET /api/procedures/:id');
    expect(lines.join('\n')).not.toContain('230102199003071234');
  });
});
