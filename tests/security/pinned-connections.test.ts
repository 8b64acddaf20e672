import { createServer, type Server } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/db/test-db.js';
import { CertificateMismatchError, certificateFingerprint, pinnedAgentCount, pinnedFetch } from '../../core/sync/pinned-tls.js';
import { generateSelfSigned } from '../../server/tls/certificate.js';

// The terminal's requests to its pinned server reuse their TLS connections. One handshake (and one
// native TLS state) per request made the terminal service grow with every ticket and never shrink.

const tmp = tempDir('hall-pinned-');
let server: Server;
let url: string;
let pin: string;
let handshakes = 0;

beforeAll(async () => {
  generateSelfSigned(join(tmp.dir, 's.crt'), join(tmp.dir, 's.key'));
  const cert = readFileSync(join(tmp.dir, 's.crt'));
  pin = certificateFingerprint(cert);
  server = createServer({ cert, key: readFileSync(join(tmp.dir, 's.key')) }, (req, res) => {
    req.resume();
    req.on('end', () => res.setHeader('content-type', 'application/json').end(JSON.stringify({ path: req.url })));
  });
  server.on('secureConnection', () => handshakes++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  tmp.cleanup();
});

describe('requests to the pinned central server', () => {
  it('share kept-alive connections instead of a TLS handshake each', async () => {
    handshakes = 0;
    for (let i = 0; i < 30; i++) {
      // As the sync client does: a pinned fetch made for each request.
      const res = await pinnedFetch(pin)(`${url}/r${i}`, { method: 'POST', body: '{}' });
      expect(await res.json()).toEqual({ path: `/r${i}` });
    }
    expect(handshakes).toBe(1);
    expect(pinnedAgentCount()).toBe(1);
  });

  it('still refuse a server with another certificate, sending it nothing', async () => {
    await expect(pinnedFetch('00:11:22')(`${url}/secret`, { method: 'POST', body: '{"password":"x"}' })).rejects.toBeInstanceOf(CertificateMismatchError);
  });

  it('keep at most a few pins, however many were asked for', async () => {
    for (let i = 0; i < 10; i++) await pinnedFetch(`AA:${i}`)(`${url}/x`).catch(() => null);
    expect(pinnedAgentCount()).toBeLessThanOrEqual(4);
  });
});
