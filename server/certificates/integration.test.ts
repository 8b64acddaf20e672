import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ERROR_MESSAGES } from '../../core/contract/index.js';
import { queueFixture, type QueueFixture } from '../queue/test-support.js';
import { latestSeq } from '../sync/changes.js';
import { backends } from '../test-db.js';
import { certInput, templateDir } from './test-support.js';

const TOKEN = 'integration-token-0123456789abcdef';

describe.each(backends)('the integration route on $name', (backend) => {
  let f: QueueFixture;
  const templates = templateDir();
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
  });
  afterAll(async () => {
    await f?.close();
    rmSync(templates, { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    f.app.inject({ method: 'POST', url: '/api/integration/certificates', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
  const stored = async () => ({ seq: await latestSeq(f.db), rows: (await f.db.selectFrom('certificates').select('id').execute()).length });

  it('answers 404 while no INTEGRATION_TOKEN is configured', async () => {
    f.config.certificates = { ...f.config.certificates, templatesDir: templates, integrationToken: null };
    const res = await post(certInput('1'), { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await stored()).rows).toBe(0);
  });

  it('refuses a missing or wrong token with 401; nothing is stored', async () => {
    f.config.certificates = { ...f.config.certificates, templatesDir: templates, integrationToken: TOKEN };
    const before = await stored();
    const tries: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: 'Bearer ' }, { authorization: TOKEN }];
    for (const headers of tries) {
      const res = await post(certInput('1'), headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'INTEGRATION_UNAUTHORIZED', message: SERVER_ERROR_MESSAGES['zh-CN'].INTEGRATION_UNAUTHORIZED } });
    }
    expect(await stored()).toEqual(before);
  });

  it('names every problem in the caller\'s language and stores nothing', async () => {
    const before = await stored();
    const bad = [certInput('2'), certInput('3', { template: 'ghost-licence', fields: {} }), certInput('4', { hall: 'nowhere' })];
    const ru = await post(bad, { authorization: `Bearer ${TOKEN}`, 'accept-language': 'ru' });
    expect(ru.statusCode).toBe(400);
    expect(ru.json()).toEqual({
      error: {
        code: 'CERTIFICATE_IMPORT_INVALID',
        message: SERVER_ERROR_MESSAGES.ru.CERTIFICATE_IMPORT_INVALID,
        details: [
          { path: '[1].template', message: 'услуги ZZ-99 из шаблона нет в каталоге' },
          { path: '[2].hall', message: 'зал «nowhere» не настроен' },
        ],
      },
    });
    const zh = await post(bad, { authorization: `Bearer ${TOKEN}` });
    expect(zh.json().error.details[0]).toEqual({ path: '[1].template', message: '模板对应的事项 ZZ-99 不在事项目录中。' });
    const notCert = await post({ hello: 1 }, { authorization: `Bearer ${TOKEN}`, 'accept-language': 'en' });
    expect(notCert.statusCode).toBe(400);
    expect(notCert.json().error.details).toEqual(expect.arrayContaining([{ path: 'template', message: 'this item is missing' }, { path: '(file)', message: 'unknown item(s): hello' }]));
    expect(await stored()).toEqual(before);
  });

  it('imports good certificates once: a re-sent request makes nothing new', async () => {
    const first = await post([certInput('5'), certInput('6')], { authorization: `Bearer ${TOKEN}` });
    expect(first.statusCode).toBe(200);
    expect(first.json().keyCreated).toMatch(/^k\d{8}-[0-9a-f]{6}$/);
    expect(first.json().certificates.map((c: { created: boolean }) => c.created)).toEqual([true, true]);
    const before = await stored();
    const again = await post([certInput('5'), certInput('6')], { authorization: `bearer ${TOKEN}` });
    expect(again.json()).toMatchObject({ keyCreated: null, certificates: [{ created: false }, { created: false }] });
    expect(await stored()).toEqual(before);
  });

  it('counts wrong tokens per address: past the limit even the right one waits, with Retry-After', async () => {
    // Four wrong tokens were sent above; the limit is six.
    f.config.attemptLimits.integrationPerAddress = 6;
    for (let i = 0; i < 2; i++) expect((await post(certInput('7'), { authorization: 'Bearer guess' })).statusCode).toBe(401);
    const before = await stored();
    const res = await post(certInput('7'), { authorization: `Bearer ${TOKEN}`, 'accept-language': 'en' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
  });
});
