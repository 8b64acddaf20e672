import { appendFileSync, createWriteStream, readdirSync, readFileSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/db/test-db.js';
import { pendingCount } from '../../core/outbox/outbox.js';
import { verifyChain } from '../../core/ratings/chain.js';
import { purgeTerminal } from '../../core/retention/purge.js';
import { verifyServerChains } from '../../server/ratings/verify.js';
import { purgeServer } from '../../server/retention/purge.js';
import { createStaff, setStaffUnit } from '../../server/staff/repository.js';
import { backends, type Backend } from '../../server/test-db.js';
import { api, CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';

// DESIGN.md §7, issue 11 §6: a complaint and a rating carrying a phone and an ID number go through
// the real kiosk and counter routes to the central server; after the upload and both purges (the
// clock moved past every retention period) neither number is in any file either side wrote: SQLite
// databases with their -wal and -shm, the embedded PostgreSQL's data directory, the logs.

const PHONE = '13987654321';
const ID_NUMBER = '230102199001011234';
const PASSWORD = 'office-password-1';
const DAY = 86_400_000;

/** The embedded PostgreSQL on a data directory of its own, so its files can be read. */
let pgdata = '';
const onDisk: Backend = {
  ...backends[0]!,
  async open() {
    const shared = await backends[0]!.openShared();
    pgdata = join(shared.env.DATA_DIR!, 'pgdata');
    const db = await shared.connect();
    return { db, env: shared.env, close: async () => (await db.destroy(), await shared.cleanup()) };
  },
};

let office: Awaited<ReturnType<typeof startHallOffice>>;
const logs = tempDir('hall-retention-logs-');
let serverLog: WriteStream;
beforeAll(async () => {
  serverLog = createWriteStream(logs.file('server.log'));
  office = await startHallOffice({
    backend: onDisk,
    counterEnv: { RATING_SECONDS: '3600' },
    serverLog,
    terminalLog: (name, line) => appendFileSync(logs.file(`${name}.log`), `${line}\n`),
  });
  for (const [login, name, number, role, unit] of [
    ['zhao.office', '赵敏', 'B001', 'office', null],
    ['qian.sup', '钱静', 'V001', 'supervisor', null],
    ['wu.dept', '吴刚', 'D001', 'department', '外资处'],
  ] as const) {
    await createStaff(office.server.db, { login, name, number, role }, PASSWORD, Date.now());
    if (unit) await setStaffUnit(office.server.db, login, unit);
  }
}, 120_000);
afterAll(async () => {
  serverLog?.end();
  await office?.close();
  logs.cleanup();
});

const token = async (login: string) => (await api(office.url, 'POST', '/api/staff/login', { login, password: PASSWORD })).json.token as string;
const unscrubbed = (db: typeof office.kiosk.db) => (db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL OR scrubbed_at IS NULL').get() as { n: number }).n;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const holding = (files: string[]) =>
  files.filter((f) => {
    const bytes = readFileSync(f);
    return bytes.includes(PHONE) || bytes.includes(ID_NUMBER);
  });

describe('personal data only as long as it is needed', () => {
  let complaintId = '';

  it('files a complaint at the kiosk and rates a service at the counter, both with a phone and an ID number', async () => {
    const filed = await api(office.kiosk.url, 'POST', '/api/opinions', {
      kind: 'complaint',
      text: `窗口工作人员索要好处费。我的身份证号${ID_NUMBER}，电话${PHONE}，请回电。`,
      prohibition: 9,
      phone: PHONE,
      print: false,
    });
    expect(filed.status).toBe(200);

    const login = () => api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 });
    await expect.poll(async () => (await login()).status, { timeout: 20_000 }).toBe(200);
    const clerk = (await login()).json.token as string;
    const number = (await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A' })).json.ticket.number as string;
    await expect.poll(async () => (await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call', number }, clerk)).status, { timeout: 10_000 }).toBe(200);
    expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish' }, clerk)).status).toBe(200);
    const { prompt } = (await api(office.counter.url, 'GET', '/api/rating/prompt')).json;
    const rated = await api(office.counter.url, 'POST', '/api/rating', { serviceId: prompt.serviceId, rating: { level: 1, reasons: ['attitude'], comment: `态度差，请打${PHONE}，身份证${ID_NUMBER}` } });
    expect(rated.json).toEqual({ recorded: true });

    // Uploaded and acknowledged: both terminals let the personal data go.
    await expect.poll(() => unscrubbed(office.kiosk.db) + unscrubbed(office.counter.db) + pendingCount(office.kiosk.db), { timeout: 30_000, interval: 250 }).toBe(0);

    // What a curious clerk gets joining the counter PC's ratings and tickets: the ticket was rated, not how.
    const joined = office.counter.db.prepare('SELECT r.doc AS rating, t.doc AS ticket FROM rating r JOIN queue_ticket t ON t.id = r.service_id').all() as { rating: string; ticket: string }[];
    expect(joined).toHaveLength(1);
    expect(Object.keys(JSON.parse(joined[0]!.rating)).sort()).toEqual(['chainSeq', 'hash', 'id', 'prevHash', 'serviceId', 'terminalDeviceId']);
    expect(JSON.stringify(joined)).not.toMatch(/attitude|态度差|"level"|"comment"/);
  });

  it('shows the numbers to the office, masked to a supervisor', async () => {
    const officeToken = await token('zhao.office');
    const list = (await api(office.url, 'GET', '/api/supervision/complaints', undefined, officeToken)).json.complaints;
    complaintId = list[0].id;
    const path = `/api/supervision/complaints/${complaintId}`;
    expect((await api(office.url, 'GET', path, undefined, officeToken)).json).toMatchObject({ phone: PHONE, text: expect.stringContaining(ID_NUMBER) });
    const seen = (await api(office.url, 'GET', path, undefined, await token('qian.sup'))).json;
    expect(seen.text).toBe('窗口工作人员索要好处费。我的身份证号230***********1234，电话139****4321，请回电。');
    expect(JSON.stringify(seen)).not.toMatch(new RegExp(`${PHONE}|${ID_NUMBER}`));
    // The rating's comment was masked on the counter before it was hashed: nobody reads the rater's numbers.
    const rating = await office.server.db.selectFrom('ratings').select(['level', 'comment']).executeTakeFirstOrThrow();
    expect(rating).toEqual({ level: 1, comment: '态度差，请打139****4321，身份证230***********1234' });

    const act = async (t: string, body: object) => expect((await api(office.url, 'POST', `${path}/actions`, body, t)).status).toBe(200);
    await act(officeToken, { action: 'assign', department: '外资处' });
    await act(await token('wu.dept'), { action: 'respond', note: '已核实并整改。' });
    await act(officeToken, { action: 'feedback', note: '已核实，窗口已整改。' });
    await act(officeToken, { action: 'close' });
  });

  it('after both purges past the retention period, no file on either side holds the phone or the ID number, and the chains verify', async () => {
    // Until then the server's files hold them (what the search below would find).
    expect(holding(filesUnder(pgdata)).length).toBeGreaterThan(0);
    const later = Date.now() + 200 * DAY;
    expect(await purgeServer(office.server.db, { ...office.config, now: () => later })).toMatchObject({ complaints: 1, events: 1 });
    for (const t of [office.kiosk, office.counter]) purgeTerminal(t.db, new Date(later), t.config.timeZone, t.config.retention);

    expect(verifyChain(office.counter.db)).toMatchObject({ ok: true, rows: 1 });
    expect(await verifyServerChains(office.server.db)).toMatchObject({ ok: true, rows: 1 });

    await new Promise<void>((resolve) => serverLog.write('', () => resolve()));
    const files = [...filesUnder(office.dir), ...filesUnder(pgdata), ...filesUnder(logs.dir)];
    expect(files.filter((f) => /terminal\.sqlite(-wal|-shm)?$/.test(f))).toHaveLength(6);
    expect(files.filter((f) => f.endsWith('.log')).length).toBeGreaterThanOrEqual(3);
    expect(holding(files)).toEqual([]);
  });
});
