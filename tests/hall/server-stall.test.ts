import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHallOffice } from '../e2e/hall-office.js';
import { startStallProxy, type StallProxy } from '../sync/stall-proxy.js';

// A kiosk reaches the central server through a TCP proxy that freezes for a while, as a stalled
// server does: no byte moves and no connection drops. The kiosk goes offline when its queue call
// times out, and back online as soon as any request gets through again (here its outbox upload),
// not only the next queue call.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let proxy: StallProxy;
beforeAll(async () => {
  office = await startHallOffice({ kioskVia: async (url) => (proxy = await startStallProxy(url)).url });
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await office?.close();
});

const get = async (path: string) => (await fetch(office.kiosk.url + path)).json();
const post = async (path: string, body: unknown) =>
  (await fetch(office.kiosk.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

describe('a kiosk after the central server stalled', () => {
  it('goes offline on a stalled queue call and online again once its upload gets through', async () => {
    await expect.poll(async () => (await get('/api/status')).online, { timeout: 20_000 }).toBe(true);
    proxy.stall();
    const issued = await post('/api/queue/tickets', { service: 'A', lang: 'zh-CN' });
    expect(issued.ticket).toMatchObject({ offline: true });
    expect(await get('/api/status')).toMatchObject({ online: false, backlog: 1 });
    expect((await get('/api/queue/lines?lang=zh-CN')).online).toBe(false);
    expect((await get('/api/board')).online).toBe(false);

    // No queue call from here on: only the upload, held in the stalled connection, goes through.
    proxy.resume();
    await expect.poll(async () => (await get('/api/status')).backlog, { timeout: 30_000 }).toBe(0);
    expect(await get('/api/status')).toMatchObject({ online: true });
    expect((await get('/api/queue/lines?lang=zh-CN')).online).toBe(true);
    expect((await get('/api/board')).online).toBe(true);
    const onServer = await office.server.db.selectFrom('tickets').select(['id']).where('id', '=', issued.ticket.id).execute();
    expect(onServer).toHaveLength(1);
  });
});
