import { describe, expect, it } from 'vitest';
import { createSupervisionClient, StaffApiError, type SupervisionRoute } from './client.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function fakeServer(answer: (req: Seen) => { status: number; json: unknown }) {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const req = { url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | undefined };
    seen.push(req);
    const { status, json } = answer(req);
    return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { seen, fetch };
}

const err = (code: string, message: string) => ({ error: { code, message } });
const staff = { login: 'zhao.lei', name: '赵磊', number: 'S01', role: 'supervisor', unit: null };

describe('supervision client', () => {
  it('signs in without a token, then sends the token and the page language on staff routes', async () => {
    const server = fakeServer((req) =>
      req.url === '/api/staff/login'
        ? { status: 200, json: { token: 'tok-1', expiresAt: '2026-11-26T10:00:00.000Z', staff, timeZone: 'Asia/Shanghai' } }
        : { status: 200, json: { cursor: 9, ratings: [], cases: [], complaints: [], failedEvents: 0 } },
    );
    let token: string | null = 'old-token';
    const client = createSupervisionClient({ fetch: server.fetch, token: () => token, lang: () => 'ru' });
    const session = await client.call('staffLogin', { body: { login: 'zhao.lei', password: 'pw' } });
    expect(server.seen[0]!.headers.Authorization).toBeUndefined();
    expect(JSON.parse(server.seen[0]!.body!)).toEqual({ login: 'zhao.lei', password: 'pw' });
    token = session.token;
    expect((await client.call('live', { after: 9 })).cursor).toBe(9);
    expect(server.seen[1]!.url).toBe('/api/supervision/live?after=9');
    expect(server.seen[1]!.headers).toMatchObject({ Authorization: 'Bearer tok-1', 'Accept-Language': 'ru' });
  });

  it('fills path ids and filters into the address', async () => {
    const server = fakeServer(() => ({ status: 200, json: { complaints: [] } }));
    const client = createSupervisionClient({ fetch: server.fetch, token: () => 't' });
    await client.call('complaints', { state: 'assigned', overdue: 'true' });
    expect(server.seen[0]!.url).toBe('/api/supervision/complaints?state=assigned&overdue=true');
  });

  it('sends an expired session back to sign-in, but not a wrong password', async () => {
    const routes: SupervisionRoute[] = [];
    const server = fakeServer((req) =>
      req.url === '/api/staff/login' ? { status: 401, json: err('LOGIN_FAILED', '用户名或密码不正确。') } : { status: 401, json: err('STAFF_UNAUTHORIZED', '请先登录。') },
    );
    const client = createSupervisionClient({ fetch: server.fetch, token: () => 't', onUnauthorized: (r) => routes.push(r) });
    await expect(client.call('staffLogin', { body: { login: 'a.b', password: 'x' } })).rejects.toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码不正确。' });
    expect(routes).toEqual([]);
    await expect(client.call('inspection', {})).rejects.toMatchObject({ code: 'STAFF_UNAUTHORIZED', status: 401 });
    expect(routes).toEqual(['inspection']);
  });

  it('reports a refused role with the server’s words, and an unreachable server as NETWORK', async () => {
    const server = fakeServer(() => ({ status: 403, json: err('ROLE_FORBIDDEN', 'Your role may not do this.') }));
    const client = createSupervisionClient({ fetch: server.fetch, token: () => 't' });
    const refused = await client.call('caseAction', { id: '01JX0000000000000000000001', body: { action: 'feedback', note: 'told' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaffApiError);
    expect(refused).toMatchObject({ code: 'ROLE_FORBIDDEN', status: 403, fromServer: true, message: 'Your role may not do this.' });
    expect(server.seen[0]!.url).toBe('/api/supervision/cases/01JX0000000000000000000001/actions');

    const down = createSupervisionClient({ fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch });
    await expect(down.call('staffMe', {})).rejects.toMatchObject({ code: 'NETWORK', fromServer: false });
  });

  it('refuses an answer that does not match the contract', async () => {
    const server = fakeServer(() => ({ status: 200, json: { cursor: 'x' } }));
    const client = createSupervisionClient({ fetch: server.fetch });
    await expect(client.call('live', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    expect(server.seen[0]!.url).toBe('/api/supervision/live');
  });
});
