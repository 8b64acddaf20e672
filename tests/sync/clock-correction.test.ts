import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../core/sync/client.js';
import { Uploader } from '../../core/sync/upload.js';
import { queueFixture, START, type QueueFixture } from '../../server/queue/test-support.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { backends } from '../../server/test-db.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { startStallProxy, type StallProxy } from './stall-proxy.js';

// A kiosk PC whose clock runs 15 minutes fast, enrolled with a real server over real HTTP (through a
// proxy whose line can be cut). Its clock is put right while the server is out of reach: its
// tickets must be stamped with the true time, not 15 minutes early, and the server keeps the
// device's stamp beside its own time of receipt.

const FIFTEEN_MINUTES = 15 * 60_000;
let f: QueueFixture;
let proxy: StallProxy;
let svc: RunningService;
let client: SyncClient;
// The PC's two clocks: wall (settable) and time since boot (runs on).
const machine = { wall: START + FIFTEEN_MINUTES, sinceBoot: 3_600_000 };
const tick = (ms: number) => {
  machine.wall += ms;
  machine.sinceBoot += ms;
  f.clock.now += ms;
};

beforeAll(async () => {
  f = await queueFixture(backends[0]!);
  proxy = await startStallProxy(await f.app.listen({ host: '127.0.0.1', port: 0 }));
  const { code } = await createTerminal(f.db, { name: 'K-fast', hall: 'main', roles: ['kiosk'] }, f.clock.now, f.config.enrollCodeTtlMs);
  svc = await startTestService({ ROLE: 'kiosk' }, { sync: { now: () => machine.wall, sinceBoot: () => machine.sinceBoot } });
  client = svc.runtime.client;
  await client.enroll(proxy.url, code);
}, 60_000);
afterAll(async () => {
  await svc?.stop();
  await proxy?.close();
  await f?.close();
});

const issue = async () => (await (await fetch(`${svc.url}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"service":"A","lang":"zh-CN"}' })).json()).ticket;
const status = async () => (await fetch(`${svc.url}/api/status`)).json();

describe('a terminal whose fast clock is corrected while offline', () => {
  it('stamps tickets with the server’s time while its offset is known', async () => {
    expect((await status()).clock).toMatchObject({ state: 'drifted', offsetMs: -FIFTEEN_MINUTES });
    const online = await issue();
    expect(online).toMatchObject({ offline: false, issuedAt: new Date(f.clock.now).toISOString() });
  });

  it('drops the offset once the wall clock is set, so an offline ticket is stamped with the true time', async () => {
    proxy.cut();
    tick(60_000);
    machine.wall -= FIFTEEN_MINUTES; // put right by hand or by NTP, the server still out of reach
    const offline = await issue();
    expect(offline).toMatchObject({ offline: true, issuedAt: new Date(f.clock.now).toISOString() });
    expect((await status()).clock).toMatchObject({ state: 'unknown', offsetMs: null });
  });

  it('measures the offset again on reconnect; the server keeps the device’s stamp and its receipt time', async () => {
    proxy.resume();
    tick(30_000);
    await new Uploader(svc.db, client).round();
    expect((await status()).clock).toMatchObject({ state: 'ok', offsetMs: 0 });
    const rows = await f.db.selectFrom('tickets').select(['number', 'issued_at', 'received_at', 'offline']).orderBy('issued_at').execute();
    expect(rows.map((r) => [r.offline, r.issued_at.toISOString(), r.received_at.toISOString()])).toEqual([
      [false, new Date(START).toISOString(), new Date(START).toISOString()],
      [true, new Date(START + 60_000).toISOString(), new Date(START + 90_000).toISOString()],
    ]);
  });
});
