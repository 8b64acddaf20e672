import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCursor } from '../../core/sync/downloader.js';
import { latestSeq } from '../../server/sync/changes.js';
import { preparePhoto } from '../../server/staff/photo.js';
import { renameStaff, setStaffPhoto } from '../../server/staff/repository.js';
import { api, CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';

// Issue 12: a clerk's display names and photo reach the counters of their hall, which show them on
// the counter and rating screens; a kiosk holds no staff data at all, photos included.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let photo: Buffer;
beforeAll(async () => {
  office = await startHallOffice();
  const db = office.server.db;
  photo = await preparePhoto(await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer());
  await renameStaff(db, 'wang.fang', '王芳', 'Wang Fang', Date.now());
  await setStaffPhoto(db, 'wang.fang', photo, Date.now());
}, 120_000);
afterAll(() => office?.close());

describe('clerk names and photos on the terminals of a hall', () => {
  it('reach the counter, which shows the signed-in clerk; never the kiosk', { timeout: 120_000 }, async () => {
    const latest = await latestSeq(office.server.db);
    for (const t of [office.kiosk, office.counter]) await expect.poll(() => downloadCursor(t.db), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(latest);

    const held = office.counter.db.prepare("SELECT name, latin_name, photo FROM staff WHERE login = 'wang.fang'").get() as { name: string; latin_name: string; photo: Buffer };
    expect({ name: held.name, latin: held.latin_name, photo: Buffer.compare(held.photo, photo) }).toEqual({ name: '王芳', latin: 'Wang Fang', photo: 0 });

    expect(office.kiosk.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 0 });
    office.kiosk.db.pragma('wal_checkpoint(TRUNCATE)');
    const kioskFile = readFileSync(join(office.kiosk.config.dataDir, 'terminal.sqlite'));
    expect(kioskFile.includes(photo.subarray(100, 164))).toBe(false);
    expect(kioskFile.includes(Buffer.from(photo.toString('base64').slice(200, 264)))).toBe(false);

    // Nobody signed in: the rating screen's window is closed.
    expect((await api(office.counter.url, 'GET', '/api/window/clerk')).json).toEqual({ clerk: null });
    const signIn = await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 });
    expect(signIn.status).toBe(200);
    const { json } = await api(office.counter.url, 'GET', '/api/window/clerk');
    expect(json.clerk).toMatchObject({ counterNo: 1, name: '王芳', latinName: 'Wang Fang', number: '0101', presence: 'in' });
    expect(Buffer.from(json.clerk.photo.replace(/^data:image\/jpeg;base64,/, ''), 'base64').equals(photo)).toBe(true);

    await api(office.counter.url, 'POST', '/api/counter/logout', {}, signIn.json.token);
    expect((await api(office.counter.url, 'GET', '/api/window/clerk')).json).toEqual({ clerk: null });
  });
});
