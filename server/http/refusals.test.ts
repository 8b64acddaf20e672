import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ERROR_MESSAGES } from '../../core/contract/index.js';
import { loadServerConfig } from '../config.js';
import { backends, type TestDb } from '../test-db.js';
import { buildServerApp } from './app.js';

// What the router and the HTTP parser refuse before any route runs still answers in our format
// and in the caller's language.

describe.each(backends)('requests the central server on $name refuses before any route', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let url = '';
  beforeAll(async () => {
    t = await backend.open();
    app = await buildServerApp(t.db, loadServerConfig({}));
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  async function get(path: string, lang?: string) {
    const res = await fetch(url + path, { headers: lang ? { 'accept-language': lang } : {} });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  it('a bad percent-encoding in a path is a translated VALIDATION_FAILED', async () => {
    expect(await get('/api/appointments/%ZZ/cancel', 'en')).toEqual({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: SERVER_ERROR_MESSAGES.en.VALIDATION_FAILED } } });
  });

  it('a path parameter over 100 characters is a translated 414 URL_TOO_LONG', async () => {
    expect(await get(`/api/supervision/cases/${'x'.repeat(101)}`, 'ru')).toEqual({ status: 414, body: { error: { code: 'URL_TOO_LONG', message: SERVER_ERROR_MESSAGES.ru.URL_TOO_LONG } } });
  });

  it('a very long URL is a translated 431 HEADERS_TOO_LARGE', async () => {
    expect(await get(`/api/appointments?date=${'9'.repeat(17_000)}`, 'en')).toEqual({ status: 431, body: { error: { code: 'HEADERS_TOO_LARGE', message: SERVER_ERROR_MESSAGES.en.HEADERS_TOO_LARGE } } });
    expect((await get(`/api/appointments?date=${'9'.repeat(17_000)}`)).body).toMatchObject({ error: { message: SERVER_ERROR_MESSAGES['zh-CN'].HEADERS_TOO_LARGE } });
  });
});
