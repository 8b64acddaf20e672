import type { CaseDetail, CaseSummary, ComplaintDetail, ComplaintSummary, QueueDay, RatingView, SatisfactionRow, StaffIdentity } from '../../core/contract/supervision-api.js';

export const staffOf = (role: StaffIdentity['role'], unit: string | null = null): StaffIdentity => ({ login: `${role}.one`, name: '赵磊', number: 'S01', role, unit });

export function row(over: Partial<SatisfactionRow> = {}): SatisfactionRow {
  return { key: '2026-11-26', label: '2026-11-26', services: 30, rated: 26, good: 24, goodRate: 24 / 26, bad: 1, notRated: 4, ...over };
}

export function rating(over: Partial<RatingView> = {}): RatingView {
  return {
    id: '01JX0000000000000000000001',
    serviceId: '01JX00000000000000000000S1',
    recordedAt: '2026-11-26T09:05:00+08:00',
    day: '2026-11-26',
    terminal: 'counter-1',
    counterNo: 3,
    clerkNumber: '0101',
    clerkName: '王芳',
    service: 'A',
    matter: '技术进出口合同登记',
    level: 2,
    reasons: ['attitude', 'repeat-visits'],
    comment: '要求补了三次材料',
    channel: 'counter',
    duplicate: false,
    caseId: '01JX00000000000000000000C1',
    ...over,
  };
}

export function caseSummary(over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: '01JX00000000000000000000C1',
    ratingId: '01JX0000000000000000000001',
    state: 'open',
    openedAt: '2026-11-02T01:05:00.000Z',
    filedOn: '2026-11-02',
    deadline: '2026-11-20',
    overdue: true,
    escalated: false,
    counterNo: 3,
    clerkNumber: '0101',
    clerkName: '王芳',
    matter: '技术进出口合同登记',
    level: 2,
    reasons: ['attitude'],
    outcome: null,
    ...over,
  };
}

export function caseDetail(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...caseSummary(),
    rating: rating(),
    fixBy: null,
    contact: { enterprise: '黑龙江某某贸易有限公司', phone: '13812345678', phoneMasked: '138****5678' },
    steps: [{ action: 'opened', note: null, by: null, at: '2026-11-02T01:05:00.000Z' }],
    ...over,
  };
}

export function complaint(over: Partial<ComplaintSummary> = {}): ComplaintSummary {
  return {
    id: '01JX00000000000000000000Q1',
    trackingCode: 'K7MX-4PQR',
    kind: 'complaint',
    state: 'assigned',
    filedAt: '2026-11-03T10:00:00+08:00',
    receivedAt: '2026-11-03T02:00:05.000Z',
    deadline: '2026-11-24',
    department: '市场秩序处',
    prohibition: 4,
    overdue: true,
    escalated: true,
    phone: null,
    phoneMasked: '139****0001',
    excerpt: '窗口工作人员要求提供规定以外的材料',
    ...over,
  };
}

export function complaintDetail(over: Partial<ComplaintDetail> = {}): ComplaintDetail {
  return {
    ...complaint(),
    text: '窗口工作人员要求提供规定以外的材料，来回跑了三次。',
    response: null,
    feedback: null,
    steps: [
      { action: 'filed', note: null, by: null, department: null, at: '2026-11-03T02:00:05.000Z' },
      { action: 'assign', note: '请核实', by: '办公室 李静', department: '市场秩序处', at: '2026-11-03T03:00:00.000Z' },
    ],
    ...over,
  };
}

/** A day of hall `main`: four tickets not served, two conflicts, one counter taken over with a supervisor's sign-in, one call made offline. */
export function queueDay(): QueueDay {
  return {
    date: '2026-11-26',
    halls: [
      {
        hall: 'main',
        notServed: 4,
        conflicts: [
          { id: '01JX00000000000000000000K1', hall: 'main', ticketId: '01JX00000000000000000000T1', number: 'A001', kind: 'called-twice', keptCounter: 2, lostCounter: 1, lostAt: '2026-11-26T01:06:00.000Z', detectedAt: '2026-11-26T01:10:00.000Z' },
          { id: '01JX00000000000000000000K2', hall: 'main', ticketId: '01JX00000000000000000000T3', number: 'T35-A003', kind: 'served-elsewhere', keptCounter: 2, lostCounter: 3, lostAt: '2026-11-26T06:20:00.000Z', detectedAt: '2026-11-26T06:40:00.000Z' },
        ],
        overrides: [{ counterNo: 3, staff: 'wang.fang', staffName: '王芳', by: 'qian.sup', byName: '钱静', at: '2026-11-26T02:30:00.000Z' }],
        unconfirmed: [
          { actionId: '01JX00000000000000000000U1', action: 'call', number: 'T35-A003', counterNo: 3, staff: 'li.na', staffNumber: '0102', at: '2026-11-26T06:12:00.000Z', receivedAt: '2026-11-26T06:35:00.000Z' },
        ],
      },
    ],
  };
}
