import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerScreens } from './screens.js';

const dir = mkdtempSync(join(tmpdir(), 'hall-screens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('supervision pages on the central server', () => {
  it('serves the page for /supervisor and every path below it, its files, and sends / to it', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'main-abc.js'), 'console.log(1)');
    const app = Fastify();
    expect(await registerScreens(app, dir)).toBe(true);
    // …and the public certificate check, with a phone's QR reader's ?p= query.
    for (const url of ['/supervisor', '/supervisor/', '/supervisor/complaints', '/supervisor/cases/01JX', '/verify', '/verify?p=HCERT1%7Cx']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>page</title>');
      expect(res.headers['cache-control'], url).toContain('max-age=0');
    }
    const js = await app.inject({ url: '/assets/main-abc.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/supervisor');
    // Kiosk, counter and board pages belong to terminals, not to the central server.
    expect((await app.inject({ url: '/kiosk' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(404);
    await app.close();
  });

  it('runs on without a build of the screens', async () => {
    const app = Fastify();
    expect(await registerScreens(app, join(dir, 'missing'))).toBe(false);
    expect((await app.inject({ url: '/supervisor' })).statusCode).toBe(404);
    await app.close();
  });
});
