import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { startTestService, type RunningService } from '../test-service.js';

// What the router and the HTTP parser refuse before any route runs still answers in our format
// and in the caller's language.

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.stop());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(svc.url + path, { headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('requests the terminal service refuses before any route', () => {
  it('a bad percent-encoding in a path is a translated VALIDATION_FAILED', async () => {
    expect(await get('/api/procedures/%ZZ', { 'accept-language': 'en' })).toEqual({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.en.VALIDATION_FAILED } } });
    expect((await get('/api/procedures/%ZZ')).body).toEqual({ error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES['zh-CN'].VALIDATION_FAILED } });
  });

  it('a path parameter over 100 characters is a translated 414 URL_TOO_LONG', async () => {
    expect(await get(`/api/procedures/${'x'.repeat(101)}?lang=ru`)).toEqual({ status: 414, body: { error: { code: 'URL_TOO_LONG', message: ERROR_MESSAGES.ru.URL_TOO_LONG } } });
  });

  it('a URL longer than the service reads is a 431 HEADERS_TOO_LARGE in our format', async () => {
    const res = await get(`/api/procedures?q=${'x'.repeat(300 * 1024)}`);
    expect(res).toEqual({ status: 431, body: { error: { code: 'HEADERS_TOO_LARGE', message: ERROR_MESSAGES['zh-CN'].HEADERS_TOO_LARGE } } });
  });
});
