import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { buildServerApp } from '../../server/http/app.js';
import type { TestTerminal } from '../../server/queue/test-support.js';
import { feedbackFixture, opinion, type FeedbackFixture, type Person } from '../../server/supervision/test-support.js';
import { backends } from '../../server/test-db.js';

const DAY = 86_400_000;

describe.each(backends)('complaint workflow through the API on $name', (backend) => {
  let f: FeedbackFixture;
  let kiosk: TestTerminal;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
    kiosk = await f.terminal('main', ['kiosk']);
  });
  afterAll(() => f?.close());

  const act = (who: Person, id: string, body: object) => f.staff(who, 'POST', `/api/supervision/complaints/${id}/actions`, body);
  const track = (code: string, last4?: string) => kiosk.call('GET', `/api/opinions/track?code=${encodeURIComponent(code)}${last4 ? `&last4=${last4}` : ''}`);

  it('takes a complaint from the kiosk through review, assignment, response, feedback and close, each role only its own step', async () => {
    const filed = opinion({ text: '3号窗口办理备案时要求提供清单以外的材料，多跑了两次。' });
    await f.upload(kiosk, [{ type: OPINION_EVENT, payload: filed }]);

    // Filed on Monday 2026-03-02: 15 working days later is Monday 2026-03-23.
    let progress = await track(filed.trackingCode.toLowerCase(), '5678');
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ state: 'received', deadline: '2026-03-23', feedback: null, received: true, kind: 'complaint' });

    const list = await f.staff('office', 'GET', '/api/supervision/complaints?state=received');
    const item = list.body.complaints.find((c: { id: string }) => c.id === filed.id);
    expect(item).toMatchObject({ state: 'received', deadline: '2026-03-23', overdue: false, escalated: false, phone: '13812345678', phoneMasked: '138****5678', prohibition: 3 });

    // Review and assignment belong to the office.
    for (const who of ['dept', 'inspector'] as const) expect((await act(who, filed.id, { action: 'assign', department: '外资处' })).status).toBe(403);
    for (const who of ['supervisor', 'admin', 'clerk'] as const) {
      const res = await act(who, filed.id, { action: 'assign', department: '外资处' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ROLE_FORBIDDEN');
    }
    expect((await act('dept', filed.id, { action: 'respond', note: '已核实。' })).status).toBe(409);
    expect((await act('office', filed.id, { action: 'assign', department: '不存在的处' })).status).toBe(400);
    const assigned = await act('office', filed.id, { action: 'assign', department: '外资处', note: '请核实并答复。' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ state: 'assigned', department: '外资处' });

    // The department answers what is assigned to it, and only that department.
    expect((await f.staff('otherDept', 'GET', `/api/supervision/complaints/${filed.id}`)).status).toBe(404);
    expect((await f.staff('otherDept', 'GET', '/api/supervision/complaints')).body.complaints).toEqual([]);
    expect((await act('otherDept', filed.id, { action: 'respond', note: '不是我处的事。' })).status).toBe(403);
    expect((await act('office', filed.id, { action: 'respond', note: '代答。' })).status).toBe(403);
    const mine = await f.staff('dept', 'GET', '/api/supervision/complaints');
    expect(mine.body.complaints.map((c: { id: string }) => c.id)).toEqual([filed.id]);
    expect(mine.body.complaints[0]).toMatchObject({ phone: null, phoneMasked: '138****5678' });
    const responded = await act('dept', filed.id, { action: 'respond', note: '经核实，已对窗口人员批评教育，材料清单已更新。' });
    expect(responded.status).toBe(200);
    expect(responded.body.state).toBe('responded');

    // Feedback to the complainant and closing are the office's again, in that order.
    expect((await act('dept', filed.id, { action: 'feedback', note: 'x' })).status).toBe(403);
    expect((await act('office', filed.id, { action: 'close' })).status).toBe(409);
    expect((await track(filed.trackingCode, '5678')).body.feedback).toBeNull();
    const fedBack = await act('office', filed.id, { action: 'feedback', note: '已电话回复：窗口人员已批评教育，今后按清单收件。' });
    expect(fedBack.body.state).toBe('fed-back');
    progress = await track(filed.trackingCode, '5678');
    expect(progress.body).toMatchObject({ state: 'fed-back', feedback: '已电话回复：窗口人员已批评教育，今后按清单收件。' });
    const closed = await act('office', filed.id, { action: 'close', note: '办结。' });
    expect(closed.body.state).toBe('closed');
    expect(closed.body.steps.map((s: { action: string }) => s.action)).toEqual(['filed', 'assign', 'respond', 'feedback', 'close']);
    expect(closed.body.steps.map((s: { by: string | null }) => s.by)).toEqual([null, 'zhou.office', 'wu.dept', 'zhou.office', 'zhou.office']);
    expect((await act('inspector', filed.id, { action: 'escalate', note: '复查' })).status).toBe(409);
    expect((await track(filed.trackingCode, '5678')).body.state).toBe('closed');
  });

  it('looks up progress only with the right code and last four digits, and never says which was wrong', async () => {
    const withPhone = opinion({ kind: 'suggestion', phone: '13900001234', prohibition: null });
    const noPhone = opinion({ kind: 'opinion', phone: null, prohibition: null });
    await f.upload(kiosk, [
      { type: OPINION_EVENT, payload: withPhone },
      { type: OPINION_EVENT, payload: noPhone },
    ]);
    const refusals = [await track(withPhone.trackingCode), await track(withPhone.trackingCode, '9999'), await track('ZZZZ-ZZZZ', '1234')];
    for (const r of refusals) expect(r.status).toBe(404);
    expect(new Set(refusals.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect((await track(withPhone.trackingCode, '1234')).body).toMatchObject({ kind: 'suggestion', state: 'received' });
    expect((await track(noPhone.trackingCode)).body).toMatchObject({ kind: 'opinion', state: 'received' });
    // A staff token is not a terminal signature.
    const res = await f.app.inject({ method: 'GET', url: `/api/opinions/track?code=${noPhone.trackingCode}`, headers: { authorization: `Bearer ${await f.token('office')}` } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses supervisor routes to a clerk token, a kiosk signature and no token at all', async () => {
    const routes = ['/api/supervision/complaints', '/api/supervision/cases', '/api/supervision/satisfaction?from=2026-03-01&to=2026-03-31', '/api/supervision/inspection', '/api/supervision/live'];
    for (const url of routes) {
      const clerk = await f.staff('clerk', 'GET', url);
      expect(clerk.status, url).toBe(403);
      expect(clerk.body.error.code).toBe('ROLE_FORBIDDEN');
      expect((await f.staff(null, 'GET', url)).status, url).toBe(401);
      expect((await kiosk.call('GET', url)).status, url).toBe(401);
    }
    const bogus = await f.app.inject({ method: 'GET', url: '/api/supervision/complaints', headers: { authorization: 'Bearer not-a-token' } });
    expect(bogus.statusCode).toBe(401);
    expect((await f.staff('clerk', 'GET', '/api/staff/me')).body).toMatchObject({ login: 'wang.fang', role: 'clerk' });
  });

  it('a wrong password is refused without saying which part was wrong; a signed-out token stops working', async () => {
    const wrong = await f.app.inject({ method: 'POST', url: '/api/staff/login', payload: { login: 'zhou.office', password: 'not-the-password' } });
    const nobody = await f.app.inject({ method: 'POST', url: '/api/staff/login', payload: { login: 'no.such', password: 'not-the-password' } });
    expect([wrong.statusCode, nobody.statusCode]).toEqual([401, 401]);
    expect(wrong.body).toBe(nobody.body);
    const session = await f.app.inject({ method: 'POST', url: '/api/staff/login', payload: { login: 'qian.sup', password: 'supervision-pass-1' } });
    const token = session.json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    expect((await f.app.inject({ method: 'GET', url: '/api/staff/me', headers })).json()).toMatchObject({ login: 'qian.sup', role: 'supervisor', unit: null });
    expect((await f.app.inject({ method: 'POST', url: '/api/staff/logout', headers })).statusCode).toBe(200);
    expect((await f.app.inject({ method: 'GET', url: '/api/staff/me', headers })).statusCode).toBe(401);
  });

  it('escalates an unanswered complaint past its deadline and shows it to the inspector, not one answered in time', async () => {
    const late = opinion({ kind: 'leadership-letter', prohibition: 7, filedAt: '2026-03-02T10:00:00+08:00' });
    const answered = opinion({ prohibition: 7, filedAt: '2026-03-02T10:05:00+08:00' });
    await f.upload(kiosk, [
      { type: OPINION_EVENT, payload: late },
      { type: OPINION_EVENT, payload: answered },
    ]);
    await act('office', late.id, { action: 'assign', department: '外资处' });
    await act('office', answered.id, { action: 'assign', department: '外贸处' });
    await act('otherDept', answered.id, { action: 'respond', note: '已答复。' });

    // On the deadline day nothing is late yet.
    f.clock.now = Date.parse('2026-03-23T08:00:00+08:00');
    expect((await f.staff('inspector', 'GET', '/api/supervision/inspection')).body.complaints.map((c: { id: string }) => c.id)).not.toContain(late.id);
    f.clock.now = Date.parse('2026-03-24T08:00:00+08:00');
    const view = await f.staff('inspector', 'GET', '/api/supervision/inspection');
    const ids = view.body.complaints.map((c: { id: string }) => c.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(answered.id);
    expect(view.body.complaints.find((c: { id: string }) => c.id === late.id)).toMatchObject({ overdue: true, escalated: true, department: '外资处', phone: null });
    const detail = await f.staff('inspector', 'GET', `/api/supervision/complaints/${late.id}`);
    expect(detail.body.steps.map((s: { action: string }) => s.action)).toEqual(['filed', 'assign', 'overdue']);
    expect((await f.staff('office', 'GET', '/api/supervision/complaints?escalated=true')).body.complaints.map((c: { id: string }) => c.id)).toContain(late.id);
    // The inspector may raise anything not closed by hand too.
    expect((await act('inspector', answered.id, { action: 'escalate', note: '答复质量存疑，调阅。' })).body.escalated).toBe(true);
    // Still answerable after escalation.
    expect((await act('dept', late.id, { action: 'respond', note: '迟复，已说明原因。' })).body).toMatchObject({ state: 'responded', overdue: false, escalated: true });
    f.clock.now += DAY;
  });

  it('counts complaints per prohibition cited', async () => {
    const res = await f.staff('supervisor', 'GET', '/api/supervision/prohibitions?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(res.body.counts).toHaveLength(11);
    expect(res.body.counts.find((c: { item: number }) => c.item === 3).count).toBe(1);
    expect(res.body.counts.find((c: { item: number }) => c.item === 7).count).toBe(2);
    expect(res.body.counts.find((c: { item: number }) => c.item === 1).count).toBe(0);
    expect((await f.staff('dept', 'GET', '/api/supervision/prohibitions?from=2026-03-01&to=2026-03-31')).status).toBe(403);
  });
});

describe.each(backends)('the periodic overdue check on $name', (backend) => {
  it('escalates an unanswered complaint with nobody reading', async () => {
    const f = await feedbackFixture(backend);
    try {
      const kiosk = await f.terminal('main', ['kiosk']);
      const filed = opinion();
      await f.upload(kiosk, [{ type: OPINION_EVENT, payload: filed }]);
      f.clock.now = Date.parse('2026-03-24T08:00:00+08:00');
      const app = await buildServerApp(f.db, f.config, { escalateEveryMs: 20 });
      try {
        await vi.waitFor(
          async () => {
            const row = await f.db.selectFrom('complaints').select('escalated_at').where('id', '=', filed.id).executeTakeFirstOrThrow();
            expect(row.escalated_at).not.toBeNull();
          },
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        await app.close();
      }
    } finally {
      await f.close();
    }
  });
});
