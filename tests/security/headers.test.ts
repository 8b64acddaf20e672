import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/common/security-headers.js';
import { loadServerConfig } from '../../server/config.js';
import { buildServerApp } from '../../server/http/app.js';
import { backends, type TestDb } from '../../server/test-db.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';

/** Issue 11, section 5: what a browser (or a proxy on the hall LAN) is told about every answer. */
const screens = mkdtempSync(join(tmpdir(), 'hall-headers-'));
writeFileSync(join(screens, 'index.html'), '<!doctype html><title>page</title>');
mkdirSync(join(screens, 'assets'));
writeFileSync(join(screens, 'assets', 'main-abc.js'), 'console.log(1)');
afterAll(() => rmSync(screens, { recursive: true, force: true }));

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toBe(contentSecurityPolicy());
  expect(csp.split('; '), what).toContain("frame-ancestors 'none'");
  expect(csp.split('; '), what).toContain("script-src 'self'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe.each(backends)('headers of the central server on $name', (backend) => {
  let t: TestDb;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await backend.open();
    const app = await buildServerApp(t.db, loadServerConfig({}), { screensDir: screens });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    close = async () => {
      await app.close();
      await t.close();
    };
  });
  afterAll(() => close?.());

  it('every API answer, a refusal or a 404 too, carries the CSP, nosniff, no-referrer and no-store', async () => {
    const answers = {
      'openapi (200)': await fetch(`${url}/api/openapi.json`),
      'unsigned terminal route (401)': await fetch(`${url}/api/terminal/me`),
      'staff route without a session (401)': await fetch(`${url}/api/supervision/complaints`),
      'bad login (400)': await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      'unknown route (404)': await fetch(`${url}/api/nothing`),
    };
    for (const [what, res] of Object.entries(answers)) {
      expectSecurityHeaders(res, what);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
  });

  it('the supervision page carries the same headers; its files may be cached', async () => {
    const page = await fetch(`${url}/supervisor`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, 'page');
    const js = await fetch(`${url}/assets/main-abc.js`);
    expectSecurityHeaders(js, 'asset');
    expect(js.headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('headers of the terminal service', () => {
  let svc: RunningService;
  beforeAll(async () => {
    svc = await startTestService({ RENDERER_DIR: screens });
  });
  afterAll(() => svc?.stop());

  it('every API answer, a refusal or a 404 too, carries the CSP, nosniff, no-referrer and no-store', async () => {
    const answers = {
      'health (200)': await fetch(`${svc.url}/api/health`),
      'check-in by phone (personal data)': await fetch(`${svc.url}/api/checkin/phone?last4=5678`),
      'clerk route without a token (401)': await fetch(`${svc.url}/api/counter/queue`),
      'unknown route (404)': await fetch(`${svc.url}/api/nothing`),
      'foreign origin (403)': await fetch(`${svc.url}/api/health`, { headers: { origin: 'http://evil.example' } }),
    };
    for (const [what, res] of Object.entries(answers)) {
      expectSecurityHeaders(res, what);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
    expect(answers['foreign origin (403)'].status).toBe(403);
  });

  it('the screens carry the same headers; their files may be cached', async () => {
    const page = await fetch(`${svc.url}/kiosk`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, 'page');
    const js = await fetch(`${svc.url}/assets/main-abc.js`);
    expectSecurityHeaders(js, 'asset');
    expect(js.headers.get('cache-control')).not.toBe('no-store');
  });
});
