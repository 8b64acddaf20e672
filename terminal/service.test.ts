import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/db/test-db.js';
import { lanAddress } from '../tests/lan/lan-peer.js';
import { loadConfig } from './config.js';
import { startTerminalService, type TerminalService } from './service.js';

const tmp = tempDir('hall-service-');
const running: TerminalService[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
  tmp.cleanup();
});

async function start(env: NodeJS.ProcessEnv = {}): Promise<{ service: TerminalService; lines: string[] }> {
  const lines: string[] = [];
  const service = await startTerminalService(loadConfig({ DATA_DIR: tmp.dir, PORT: '0', ...env }), (l) => lines.push(l));
  running.push(service);
  return { service, lines };
}

describe('startTerminalService', () => {
  it('imports the seed catalog on first run only, and serves the API on the port it reports', async () => {
    const first = await start();
    expect(first.lines.some((l) => l.startsWith('Imported the seed catalog'))).toBe(true);
    expect(first.service.url).toBe(`http://127.0.0.1:${first.service.port}`);
    const procedures = (first.service.db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
    expect(procedures).toBeGreaterThan(0);
    const res = await fetch(`${first.service.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    await running.pop()!.stop();

    const second = await start();
    expect(second.lines.some((l) => l.startsWith('Imported'))).toBe(false);
    const after = (second.service.db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
    expect(after).toBe(procedures);
  });

  it('stops cleanly twice without throwing and frees the port', async () => {
    const { service } = await start();
    await service.stop();
    await service.stop();
    await expect(fetch(`${service.url}/api/openapi.json`)).rejects.toThrow();
    running.pop();
  });

  it('logs the address and port it really listens on, and warns when that is beyond loopback', async () => {
    const quiet = await start();
    expect(quiet.lines).toContain(`Terminal service (kiosk) listening on http://127.0.0.1:${quiet.service.port}`);
    expect(quiet.lines.some((l) => l.startsWith('Warning'))).toBe(false);
    await running.pop()!.stop();

    const exposed = await start({ HOST: '0.0.0.0', ROLE: 'hall' });
    const port = exposed.service.port;
    expect(exposed.lines).toContain(`Terminal service (hall) listening on http://0.0.0.0:${port}`);
    const warning = exposed.lines.find((l) => l.startsWith('Warning: listening beyond loopback'));
    expect(warning).toContain(`http://${lanAddress()}:${port}/hall`);
    expect(warning).toContain('npm run terminal:pair');
  });
});
