import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { createStaff, setStaffUnit } from '../../server/staff/repository.js';
import { startHallOffice } from '../e2e/hall-office.js';

// A real central server and kiosk terminal: an opinion dropped at the kiosk reaches the server, the
// kiosk's lookup asks the server (signed) and shows the office's progress; with the server stopped,
// the lookup still answers from the kiosk. The full phone leaves the kiosk once it is uploaded.

const PASSWORD = 'office-password-1';
let office: Awaited<ReturnType<typeof startHallOffice>>;
beforeAll(async () => {
  office = await startHallOffice();
  await createStaff(office.server.db, { login: 'zhao.office', name: '赵敏', number: 'B001', role: 'office' }, PASSWORD, Date.now());
  await createStaff(office.server.db, { login: 'wu.dept', name: '吴刚', number: 'D001', role: 'department' }, PASSWORD, Date.now());
  await setStaffUnit(office.server.db, 'wu.dept', '外资处');
}, 120_000);
afterAll(() => office?.close());

async function api(base: string, method: 'GET' | 'POST', path: string, body?: unknown, auth?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}
const staffToken = async (login: string) => (await api(office.url, 'POST', '/api/staff/login', { login, password: PASSWORD })).json.token as string;
const kioskPayloads = () =>
  (office.kiosk.db.prepare('SELECT payload, sent_at FROM outbox WHERE type = ?').all(OPINION_EVENT) as { payload: string; sent_at: string | null }[]).map((r) => ({
    ...(JSON.parse(r.payload) as { trackingCode: string; phone: string | null }),
    sent: r.sent_at !== null,
  }));

describe('the opinion box across a kiosk and the central server', () => {
  let code = '';

  it('files at the kiosk; once uploaded the kiosk keeps no full phone and the lookup is answered by the server', async () => {
    const filed = await api(office.kiosk.url, 'POST', '/api/opinions', {
      kind: 'complaint',
      text: '3号窗口要求提供清单以外的材料，多跑了两次。',
      prohibition: 3,
      phone: '13812345678',
      print: false,
    });
    expect(filed.status).toBe(200);
    expect(filed.json.print).toBe('skipped');
    code = filed.json.trackingCode;

    await expect.poll(() => kioskPayloads().find((p) => p.trackingCode === code)?.sent, { timeout: 20_000 }).toBe(true);
    expect(kioskPayloads().find((p) => p.trackingCode === code)?.phone).toBeNull();

    const progress = await api(office.kiosk.url, 'GET', `/api/opinions/track?code=${code}&last4=5678`);
    expect(progress.status).toBe(200);
    expect(progress.json).toMatchObject({ trackingCode: code, kind: 'complaint', state: 'received', received: true, feedback: null });
    expect(progress.json.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The office (the one role that calls back) sees the full phone on the server.
    const list = await api(office.url, 'GET', '/api/supervision/complaints', undefined, await staffToken('zhao.office'));
    expect(list.json.complaints.find((c: { trackingCode: string }) => c.trackingCode === code)).toMatchObject({ phone: '13812345678', prohibition: 3 });
  });

  it('shows the office’s steps and the feedback given, and one NOT_FOUND for wrong digits', async () => {
    const officeToken = await staffToken('zhao.office');
    const id = (await api(office.url, 'GET', '/api/supervision/complaints', undefined, officeToken)).json.complaints.find((c: { trackingCode: string }) => c.trackingCode === code).id;
    const act = async (token: string, body: object) => expect((await api(office.url, 'POST', `/api/supervision/complaints/${id}/actions`, body, token)).status).toBe(200);
    await act(officeToken, { action: 'assign', department: '外资处' });
    expect((await api(office.kiosk.url, 'GET', `/api/opinions/track?code=${code}&last4=5678`)).json.state).toBe('assigned');
    await act(await staffToken('wu.dept'), { action: 'respond', note: '已核实，材料清单已更新。' });
    await act(officeToken, { action: 'feedback', note: '已核实，窗口已整改，材料清单已更新。' });
    expect((await api(office.kiosk.url, 'GET', `/api/opinions/track?code=${code.toLowerCase()}&last4=5678`)).json).toMatchObject({
      state: 'fed-back',
      feedback: '已核实，窗口已整改，材料清单已更新。',
    });

    const wrong = await api(office.kiosk.url, 'GET', `/api/opinions/track?code=${code}&last4=0000`);
    const unknown = await api(office.kiosk.url, 'GET', '/api/opinions/track?code=ABCD-EFGH&last4=5678');
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('with the server stopped, files and looks up from the kiosk; the server has it after restart', async () => {
    await office.stopServer();
    const filed = await api(office.kiosk.url, 'POST', '/api/opinions', { kind: 'suggestion', text: '希望周六上午也开放咨询服务。', print: false });
    expect(filed.status).toBe(200);
    const offline = await api(office.kiosk.url, 'GET', `/api/opinions/track?code=${filed.json.trackingCode}`);
    expect(offline.json).toMatchObject({ state: 'received', received: false });
    // Refused like wrong digits: "unreachable" for unknown codes only would tell which codes this kiosk holds.
    const unknown = await api(office.kiosk.url, 'GET', '/api/opinions/track?code=ABCDE-FGHJK-MNPQR');
    expect(unknown.json.error.code).toBe('NOT_FOUND');

    await office.startServer();
    await expect
      .poll(async () => (await api(office.kiosk.url, 'GET', `/api/opinions/track?code=${filed.json.trackingCode}`)).json.received, { timeout: 30_000, interval: 500 })
      .toBe(true);
  });
});
