import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MIGRATIONS } from '../core/db/migrations/index.js';
import { pendingCount } from '../core/outbox/outbox.js';
import { startTestService, type RunningService } from './test-service.js';

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.stop());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(svc.url + path, { headers });
  return { status: res.status, body: (await res.json()) as any };
}

describe('terminal service over HTTP', () => {
  it('reports its version, database and schema version', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database).toMatchObject({ ok: true, schemaVersion: MIGRATIONS.length });
    expect(body.catalog.procedures).toBeGreaterThan(20);
  });

  it('serves an OpenAPI document generated from the contract', async () => {
    const { body } = await get('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    const search = body.paths['/api/procedures'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'lang', 'category']));
    expect(body.paths['/api/procedures/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('finds 拍卖 by Chinese, by initials and by English, best match first', async () => {
    const zh = await get('/api/procedures?q=' + encodeURIComponent('拍卖'));
    expect(zh.status).toBe(200);
    expect(zh.body.items[0].name).toContain('拍卖');
    const pm = await get('/api/procedures?q=pm');
    expect(pm.body.items[0].name).toContain('拍卖');
    const en = await get('/api/procedures?q=auction&lang=en');
    expect(en.body.items[0].name.toLowerCase()).toContain('auction');
  });

  it('opens a procedure in the requested language', async () => {
    const { body: found } = await get('/api/procedures?q=' + encodeURIComponent('对外劳务合作'));
    const id = found.items[0].id as string;
    const zh = await get(`/api/procedures/${id}`);
    expect(zh.body.legalBasis[0].law).toContain('对外劳务合作管理条例');
    expect(zh.body.statutoryDays).toBe(20);
    const ru = await get(`/api/procedures/${id}?lang=ru`);
    expect(ru.body.name).toMatch(/[а-яА-Я]/);
  });

  it('refuses a 10,000-character query with a translated error and changes nothing', async () => {
    const before = pendingCount(svc.db);
    const long = encodeURIComponent('拍'.repeat(10_000));
    const zh = await get(`/api/procedures?q=${long}`);
    expect(zh.status).toBe(400);
    expect(zh.body.error.code).toBe('QUERY_TOO_LONG');
    expect(zh.body.error.message).toContain('搜索内容太长');
    const en = await get(`/api/procedures?q=${long}&lang=en`);
    expect(en.body.error.message).toContain('too long');
    expect(pendingCount(svc.db)).toBe(before);
  });

  it('refuses an unknown language, answering in the browser language', async () => {
    const res = await get('/api/procedures?q=a&lang=fr', { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('UNKNOWN_LANGUAGE');
    expect(res.body.error.message).toContain('язык');
  });

  it('answers an unknown procedure or API path with a translated 404', async () => {
    const res = await get('/api/procedures/NOPE?lang=en');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('not found') });
    expect((await get('/api/no-such-thing')).body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a request whose Host header is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(svc.url + '/api/health');
      request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('greets a screen on the live channel', async () => {
    const ws = new WebSocket(svc.url.replace('http', 'ws') + '/api/live');
    const hello = await new Promise<any>((resolve, reject) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data))));
      ws.once('error', reject);
    });
    ws.close();
    expect(hello).toMatchObject({ type: 'hello', role: 'kiosk' });
  });
});
