import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, createClient } from './client.js';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(status: number, body: unknown, seen: Seen[] = []): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}

const detail = {
  id: 'p1',
  code: 'C1',
  baseCode: 'B1',
  name: '拍卖企业从事拍卖业务许可',
  summary: 's',
  type: 'administrative_licence',
  category: { code: 'trade', name: '流通' },
  department: { code: 'd', name: '处', place: '一楼', hours: '9-17', phone: '12345' },
  legalBasis: [{ law: '《拍卖法》', article: '第十一条' }],
  conditions: ['c'],
  statutoryDays: 20,
  promisedDays: 5,
  timeLimitNote: null,
  materials: [{ name: 'm', originals: 1, copies: 1, required: true, note: null }],
  fee: 0,
  feeNote: null,
  result: '拍卖经营批准证书',
  visits: 1,
  immediate: false,
  consultPhone: '12345',
  supervisePhone: '12346',
  flow: [{ title: '受理', actor: null, days: null }],
  onlineUrl: 'https://example.gov.cn/p1',
  abolished: null,
};

describe('buildUrl', () => {
  it('fills path parameters, encodes them and puts the rest into the query string', () => {
    expect(buildUrl('/api/procedures/:id', { id: 'a/b 1', lang: 'ru' })).toBe('/api/procedures/a%2Fb%201?lang=ru');
  });
  it('leaves out undefined values and keeps an empty search text', () => {
    expect(buildUrl('/api/procedures', { q: '', lang: 'zh-CN', category: undefined, limit: 5 })).toBe(
      '/api/procedures?q=&lang=zh-CN&limit=5',
    );
  });
  it('refuses a missing path parameter instead of requesting the list', () => {
    expect(() => buildUrl('/api/procedures/:id', { lang: 'en' })).toThrow(/id/);
  });
});

describe('createClient', () => {
  it('searches with Chinese text and returns the validated items', async () => {
    const seen: Seen[] = [];
    const body = { items: [{ id: 'p1', code: 'C1', name: '拍卖', summary: 's', category: 'trade', type: 'public_service', abolished: false, matchedIn: 'initials', nameHighlight: [{ text: '拍卖', hit: true }] }], total: 1 };
    const client = createClient({ fetch: fakeFetch(200, body, seen) });
    const out = await client.call('searchProcedures', { q: '拍卖 pm', lang: 'zh-CN' });
    expect(out.items[0]?.nameHighlight[0]).toEqual({ text: '拍卖', hit: true });
    expect(seen[0]?.url).toBe('/api/procedures?q=%E6%8B%8D%E5%8D%96+pm&lang=zh-CN');
    expect(seen[0]?.init?.method).toBe('GET');
  });

  it('asks for a procedure by id in the chosen language', async () => {
    const seen: Seen[] = [];
    const client = createClient({ baseUrl: 'http://127.0.0.1:4790', fetch: fakeFetch(200, detail, seen), lang: () => 'en' });
    const out = await client.call('getProcedure', { id: 'p1', lang: 'en' });
    expect(out.result).toBe('拍卖经营批准证书');
    expect(seen[0]?.url).toBe('http://127.0.0.1:4790/api/procedures/p1?lang=en');
    expect((seen[0]?.init?.headers as Record<string, string>)['Accept-Language']).toBe('en');
  });

  it('throws the code and the translated message of an error body', async () => {
    const client = createClient({
      fetch: fakeFetch(400, { error: { code: 'QUERY_TOO_LONG', message: 'Слишком длинный запрос. Введите не более 100 символов.' } }),
    });
    const err = await client.call('searchProcedures', { q: 'x'.repeat(101), lang: 'ru' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('QUERY_TOO_LONG');
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toBe('Слишком длинный запрос. Введите не более 100 символов.');
    expect((err as ApiError).fromServer).toBe(true);
  });

  it('reports a 404 for an unknown procedure as NOT_FOUND', async () => {
    const client = createClient({ fetch: fakeFetch(404, { error: { code: 'NOT_FOUND', message: '没有找到您要的内容。' } }) });
    await expect(client.call('getProcedure', { id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有找到您要的内容。' });
  });

  it('rejects a success response that does not match the contract', async () => {
    const client = createClient({ fetch: fakeFetch(200, { items: [{ code: 'x' }] }) });
    await expect(client.call('listCategories', { lang: 'zh-CN' })).rejects.toMatchObject({ code: 'BAD_RESPONSE', fromServer: false });
  });

  it('turns an error page without an error body into BAD_RESPONSE', async () => {
    const client = createClient({ fetch: fakeFetch(502, 'Bad gateway') });
    await expect(client.call('health', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });

  it('turns an unreachable service into NETWORK', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const client = createClient({ fetch: failing });
    await expect(client.call('kioskConfig', {})).rejects.toMatchObject({ code: 'NETWORK', status: null });
  });

  it("passes the caller's time limit running out through as TimeoutError, not as unreachable", async () => {
    const hanging = ((_url: string | URL | Request, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const client = createClient({ fetch: hanging });
    await expect(client.call('kioskConfig', {}, { signal: AbortSignal.timeout(20) })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('sends the clerk token only to staff routes, never to public ones', async () => {
    const seen: Seen[] = [];
    const client = createClient({ fetch: fakeFetch(200, { jobs: [] }, seen), token: () => 'tok-123' });
    await client.call('printJobs', {});
    await client.call('health', {}).catch(() => undefined);
    const auth = (i: number) => (seen[i]?.init?.headers as Record<string, string>).Authorization;
    expect(auth(0)).toBe('Bearer tok-123');
    expect(auth(1)).toBeUndefined();
  });

  it('sends no Authorization header while nobody is signed in', async () => {
    const seen: Seen[] = [];
    const client = createClient({ fetch: fakeFetch(200, { jobs: [] }, seen), token: () => null });
    await client.call('printJobs', {});
    expect((seen[0]?.init?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('reports a 401 from a staff route so the screen can sign in again, but not a wrong password at sign-in', async () => {
    const expired: string[] = [];
    const unauthorized = fakeFetch(401, { error: { code: 'UNAUTHORIZED', message: '请先登录。' } });
    const client = createClient({ fetch: unauthorized, token: () => 'old', onUnauthorized: (r) => expired.push(r) });
    await expect(client.call('counterQueue', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(expired).toEqual(['counterQueue']);

    const wrong = fakeFetch(401, { error: { code: 'WRONG_CREDENTIALS', message: '工号或密码不正确。' } });
    const login = createClient({ fetch: wrong, onUnauthorized: (r) => expired.push(r) });
    await expect(login.call('counterLogin', { body: { login: 'zhang.wei', password: 'x', counterNo: 3 } })).rejects.toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    expect(expired).toEqual(['counterQueue']);
  });

  it('keeps the fields a validation error names', async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: '请求内容不正确，请检查后重试。', details: [{ path: 'body.contactPhone', message: 'not a phone number' }] } };
    const client = createClient({ fetch: fakeFetch(400, body), token: () => 't' });
    const err = (await client
      .call('createAppointment', { body: { enterprise: '哈尔滨某公司', contactPhone: '123', matter: '备案', service: 'A', date: '2026-12-01', from: '09:00', to: '09:30' } })
      .catch((e: unknown) => e)) as ApiError;
    expect(err.details).toEqual([{ path: 'body.contactPhone', message: 'not a phone number' }]);
  });
});
