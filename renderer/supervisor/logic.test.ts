import { describe, expect, it } from 'vitest';
import type { RatingView, StaffSession } from '../../core/contract/supervision-api.js';
import { complaintActionsFor, NEXT_CASE_ACTION, sectionsFor, seesFullPhone } from './access.js';
import { daysLeft, percent, presetRange, share, shownPhone, validRange } from './format.js';
import { parseSupervisorPath, sectionPath } from './paths.js';
import { loadSession, saveSession, SESSION_KEY } from './session.js';
import { applyLive, EMPTY_FEED } from './useLiveFeed.js';
import { StaffApiError } from './client.js';
import { supervisionErrorText } from './errors.js';
import { createI18n } from '../i18n/i18n.js';

describe('what each role sees', () => {
  it('gives supervisors the numbers and the inspection view, departments only complaints, clerks nothing', () => {
    expect(sectionsFor('supervisor')).toEqual(['satisfaction', 'cases', 'complaints', 'prohibitions', 'inspection', 'queue', 'certificates']);
    expect(sectionsFor('office')).toEqual(['satisfaction', 'cases', 'complaints', 'prohibitions', 'queue', 'certificates', 'staff']);
    expect(sectionsFor('inspector')).toEqual(['satisfaction', 'cases', 'complaints', 'prohibitions', 'inspection', 'queue', 'certificates']);
    expect(sectionsFor('department')).toEqual(['complaints']);
    expect(sectionsFor('clerk')).toEqual([]);
    expect(sectionsFor('admin')).toEqual([]);
  });

  it('shows the full phone to the office only', () => {
    expect(['clerk', 'supervisor', 'admin', 'office', 'department', 'inspector'].filter((r) => seesFullPhone(r as 'office'))).toEqual(['office']);
    const p = { phone: '13812345678', phoneMasked: '138****5678' };
    expect(shownPhone(p, true)).toBe('13812345678');
    expect(shownPhone(p, false)).toBe('138****5678');
    // Even if a full number were sent to another role, the page masks it.
    expect(shownPhone({ phone: '13812345678', phoneMasked: null }, false)).toBe('138****5678');
    expect(shownPhone({ phone: null, phoneMasked: null }, true)).toBeNull();
  });

  it('offers each role only its own complaint steps, in the states that allow them', () => {
    const office = { role: 'office' as const, unit: null };
    const dept = { role: 'department' as const, unit: '市场秩序处' };
    const inspector = { role: 'inspector' as const, unit: null };
    const c = (state: 'received' | 'assigned' | 'responded' | 'fed-back' | 'closed', department: string | null = null, escalated = false) => ({ state, department, escalated });
    expect(complaintActionsFor(office, c('received'))).toEqual(['assign']);
    expect(complaintActionsFor(office, c('assigned', '市场秩序处'))).toEqual(['assign']);
    expect(complaintActionsFor(office, c('responded', '市场秩序处'))).toEqual(['feedback']);
    expect(complaintActionsFor(office, c('fed-back', '市场秩序处'))).toEqual(['close']);
    expect(complaintActionsFor(office, c('closed', '市场秩序处'))).toEqual([]);
    expect(complaintActionsFor(dept, c('assigned', '市场秩序处'))).toEqual(['respond']);
    expect(complaintActionsFor(dept, c('assigned', '外资处'))).toEqual([]);
    expect(complaintActionsFor(dept, c('received'))).toEqual([]);
    expect(complaintActionsFor(inspector, c('assigned', '外资处'))).toEqual(['escalate']);
    expect(complaintActionsFor(inspector, c('assigned', '外资处', true))).toEqual([]);
    expect(complaintActionsFor(inspector, c('closed'))).toEqual([]);
    expect(complaintActionsFor({ role: 'supervisor', unit: null }, c('received'))).toEqual([]);
  });

  it('walks a case through return visit, outcome, feedback and close', () => {
    expect([NEXT_CASE_ACTION.open, NEXT_CASE_ACTION.visited, NEXT_CASE_ACTION.resolved, NEXT_CASE_ACTION['fed-back'], NEXT_CASE_ACTION.closed]).toEqual([
      'return-visit',
      'outcome',
      'feedback',
      'close',
      null,
    ]);
  });
});

describe('numbers a supervisor can trust', () => {
  it('shows a share only when something was counted', () => {
    expect(percent(share(24, 26), 'zh-CN')).toBe('92.3%');
    expect(percent(share(1, 3), 'en')).toBe('33.3%');
    expect(percent(share(0, 0), 'zh-CN')).toBe('—');
    expect(percent(null, 'ru')).toBe('—');
    expect(percent(1, 'ru')).toMatch(/^100,0\s?%$/);
  });

  it('counts days to a deadline across month ends', () => {
    expect(daysLeft('2026-12-01', '2026-11-26')).toBe(5);
    expect(daysLeft('2026-11-20', '2026-11-26')).toBe(-6);
    expect(daysLeft('2026-11-26', '2026-11-26')).toBe(0);
  });

  it('offers ranges that end today and refuses impossible ones', () => {
    const now = '2026-11-26';
    expect(presetRange('today', now)).toEqual({ from: '2026-11-26', to: '2026-11-26' });
    expect(presetRange('week', now)).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(presetRange('month', now)).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(presetRange('quarter', now)).toEqual({ from: '2026-10-01', to: '2026-11-26' });
    expect(presetRange('quarter', '2026-03-03')).toEqual({ from: '2026-01-01', to: '2026-03-03' });
    expect(presetRange('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('week', '2027-01-02')).toEqual({ from: '2026-12-27', to: '2027-01-02' });
    expect(validRange('2026-11-01', '2026-11-26')).toBe(true);
    expect(validRange('2026-11-27', '2026-11-26')).toBe(false);
    expect(validRange('2025-01-01', '2026-11-26')).toBe(false);
    expect(validRange('', '2026-11-26')).toBe(false);
  });
});

describe('pages and sessions', () => {
  it('addresses a section and the item open in it', () => {
    expect(parseSupervisorPath('/supervisor')).toEqual({ section: null, id: null });
    expect(parseSupervisorPath('/supervisor/cases/01JX0000000000000000000000')).toEqual({ section: 'cases', id: '01JX0000000000000000000000' });
    expect(sectionPath('complaints', 'A B')).toBe('/supervisor/complaints/A%20B');
    expect(parseSupervisorPath(sectionPath('complaints', 'A B')).id).toBe('A B');
  });

  it('keeps the session for this tab until it expires', () => {
    const data = new Map<string, string>();
    const store = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const session: StaffSession = {
      token: 'tok',
      expiresAt: '2026-11-26T10:00:00.000Z',
      staff: { login: 'zhao.lei', name: '赵磊', number: 'S01', role: 'supervisor', unit: null },
      timeZone: 'Asia/Shanghai',
    };
    saveSession(store, session);
    expect(loadSession(store, Date.parse('2026-11-26T09:00:00Z'))).toEqual(session);
    expect(loadSession(store, Date.parse('2026-11-26T10:00:01Z'))).toBeNull();
    data.set(SESSION_KEY, '{not json');
    expect(loadSession(store)).toBeNull();
  });
});

describe('live feed', () => {
  const rating = (id: string, recordedAt: string): RatingView => ({
    id,
    serviceId: id,
    recordedAt,
    day: recordedAt.slice(0, 10),
    terminal: 'counter-1',
    counterNo: 3,
    clerkNumber: '0101',
    clerkName: '王芳',
    service: 'A',
    matter: '技术进出口合同登记',
    level: 1,
    reasons: ['attitude'],
    comment: null,
    channel: 'counter',
    duplicate: false,
    caseId: null,
  });

  it('takes only the cursor first, then marks arrivals newest first and tells each view to reload', () => {
    const a = rating('01JX0000000000000000000001', '2026-11-26T09:00:00+08:00');
    const b = rating('01JX0000000000000000000002', '2026-11-26T09:05:00+08:00');
    let feed = applyLive(EMPTY_FEED, { cursor: 5, ratings: [], cases: [], complaints: [], failedEvents: 0 }, true);
    expect(feed).toMatchObject({ state: 'live', arrived: [], ratingsTick: 0 });
    feed = applyLive(feed, { cursor: 7, ratings: [a, b], cases: [], complaints: [], failedEvents: 0 }, false);
    expect(feed.arrived.map((r) => r.id)).toEqual([b.id, a.id]);
    expect([feed.ratingsTick, feed.casesTick, feed.complaintsTick]).toEqual([1, 0, 0]);
    feed = applyLive(feed, { cursor: 7, ratings: [b], cases: [], complaints: [], failedEvents: 0 }, false);
    expect(feed.arrived).toHaveLength(2);
    feed = applyLive(feed, { cursor: 7, ratings: [], cases: [], complaints: [], failedEvents: 0 }, false);
    expect([feed.ratingsTick, feed.casesTick, feed.complaintsTick]).toEqual([2, 0, 0]);
  });
});

describe('errors said plainly', () => {
  const t = createI18n('zh-CN').t;
  it('says a refused role may not do this, passes the server’s words on, and names an unreachable server', () => {
    expect(supervisionErrorText(new StaffApiError('ROLE_FORBIDDEN', 'whatever the server said', 403), t)).toBe('您的岗位不能进行此操作。');
    expect(supervisionErrorText(new StaffApiError('WORKFLOW_CONFLICT', '当前状态下不能进行此步骤，请刷新后再试。', 409), t)).toBe('当前状态下不能进行此步骤，请刷新后再试。');
    expect(supervisionErrorText(new StaffApiError('NETWORK', 'Failed to fetch', null), t)).toBe('连不上中心服务器，请检查网络后重试。');
    expect(supervisionErrorText(Object.assign(new Error('timed out'), { name: 'TimeoutError' }), t)).toBe('中心服务器长时间没有应答，请稍后重试。');
  });
});
