import type { Selectable } from 'kysely';
import {
  COMPLAINT_STEP_ROLES,
  ServerError,
  type ComplaintAction,
  type ComplaintDetail,
  type ComplaintState,
  type ComplaintSummary,
  type OpinionKind,
  type OpinionProgress,
} from '../../core/contract/index.js';
import { maskPersonalText } from '../../core/common/personal-text.js';
import { maskPhone } from '../appointments/repository.js';
import type { ServerDb } from '../db/connection.js';
import type { StaffPrincipal } from '../staff/sessions.js';
import { touchFeed } from '../supervision/feed.js';
import type { ComplaintsTable } from '../supervision/schema.js';

type Row = Selectable<ComplaintsTable>;

/** Waiting on the office or the department: these can run late. */
const PENDING: ComplaintState[] = ['received', 'assigned'];
const isOverdue = (c: Row, today: string) => PENDING.includes(c.state) && c.deadline < today;

/** Whom a staff member may see: a department only what is assigned to it. */
function visibleTo(c: Row, staff: StaffPrincipal): boolean {
  return staff.role !== 'department' || (c.department !== null && c.department === staff.unit);
}

/** Free text as this staff member may read it: phones and ID numbers in it whole for the office only. */
const readable = <T extends string | null>(text: T, staff: StaffPrincipal): T => (staff.role === 'office' ? text : maskPersonalText(text));

function toSummary(c: Row, staff: StaffPrincipal, today: string): ComplaintSummary {
  // The office calls back, so it alone sees the whole number.
  const text = readable(c.text, staff);
  return {
    id: c.id,
    trackingCode: c.tracking_code,
    kind: c.kind,
    state: c.state,
    filedAt: c.filed_at,
    receivedAt: c.received_at.toISOString(),
    deadline: c.deadline,
    department: c.department,
    prohibition: c.prohibition,
    overdue: isOverdue(c, today),
    escalated: c.escalated_at !== null,
    phone: c.phone && staff.role === 'office' ? c.phone : null,
    phoneMasked: c.phone ? maskPhone(c.phone).phoneMasked : null,
    excerpt: text.length > 120 ? `${text.slice(0, 119)}…` : text,
  };
}

export interface ComplaintFilter {
  ids?: string[];
  state?: ComplaintState;
  kind?: OpinionKind;
  overdue?: boolean;
  escalated?: boolean;
  attention?: boolean;
}

export async function listComplaints(db: ServerDb, filter: ComplaintFilter, staff: StaffPrincipal, today: string): Promise<ComplaintSummary[]> {
  if (filter.ids && !filter.ids.length) return [];
  let q = db.selectFrom('complaints').selectAll().orderBy('deadline').orderBy('id');
  if (filter.ids) q = q.where('id', 'in', filter.ids);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (staff.role === 'department') q = q.where('department', '=', staff.unit ?? '');
  return (await q.execute())
    .map((c) => toSummary(c, staff, today))
    .filter((c) => filter.overdue === undefined || c.overdue === filter.overdue)
    .filter((c) => filter.escalated === undefined || c.escalated === filter.escalated)
    .filter((c) => !filter.attention || c.overdue || c.escalated);
}

export async function complaintDetail(db: ServerDb, id: string, staff: StaffPrincipal, today: string): Promise<ComplaintDetail> {
  const c = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || !visibleTo(c, staff)) throw new ServerError('NOT_FOUND');
  const steps = await db.selectFrom('complaint_steps').selectAll().where('complaint_id', '=', id).orderBy('seq').execute();
  return {
    ...toSummary(c, staff, today),
    text: readable(c.text, staff),
    response: readable(c.response, staff),
    feedback: readable(c.feedback, staff),
    steps: steps.map((s) => ({ action: s.action as ComplaintDetail['steps'][number]['action'], note: readable(s.note, staff), by: s.by_login, department: s.department, at: s.at.toISOString() })),
  };
}

/** Units of active department accounts: where the office may send a complaint. */
export async function departments(db: ServerDb): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select('unit')
    .distinct()
    .where('role', '=', 'department')
    .where('disabled_at', 'is', null)
    .where('unit', 'is not', null)
    .orderBy('unit')
    .execute();
  return rows.map((r) => r.unit!);
}

/**
 * One workflow step, taken only by its role (COMPLAINT_STEP_ROLES), only in its state:
 * office assigns (or reassigns before a response) → the assigned department responds → office
 * feeds back to the complainant → office closes. The inspector may escalate anything not closed.
 */
export async function complaintAction(db: ServerDb, id: string, a: ComplaintAction, staff: StaffPrincipal, now: Date): Promise<void> {
  if (COMPLAINT_STEP_ROLES[a.action] !== staff.role) throw new ServerError('ROLE_FORBIDDEN');
  if (a.action === 'assign' && !(await departments(db)).includes(a.department))
    throw new ServerError('VALIDATION_FAILED', [{ path: 'department', message: 'no such department' }]);
  await db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw new ServerError('NOT_FOUND');
    let set: Partial<Pick<Row, 'state' | 'department' | 'response' | 'feedback'>> & { escalated_at?: Date };
    switch (a.action) {
      case 'assign':
        if (!PENDING.includes(c.state)) throw new ServerError('WORKFLOW_CONFLICT');
        set = { state: 'assigned', department: a.department };
        break;
      case 'respond':
        if (c.department !== staff.unit) throw new ServerError(c.state === 'received' ? 'WORKFLOW_CONFLICT' : 'ROLE_FORBIDDEN');
        if (c.state !== 'assigned') throw new ServerError('WORKFLOW_CONFLICT');
        set = { state: 'responded', response: a.note };
        break;
      case 'feedback':
        if (c.state !== 'responded') throw new ServerError('WORKFLOW_CONFLICT');
        set = { state: 'fed-back', feedback: a.note };
        break;
      case 'close':
        if (c.state !== 'fed-back') throw new ServerError('WORKFLOW_CONFLICT');
        set = { state: 'closed' };
        break;
      case 'escalate':
        if (c.state === 'closed') throw new ServerError('WORKFLOW_CONFLICT');
        set = c.escalated_at ? {} : { escalated_at: now };
        break;
    }
    if (Object.keys(set).length) await tx.updateTable('complaints').set(set).where('id', '=', id).execute();
    await tx
      .insertInto('complaint_steps')
      .values({ complaint_id: id, action: a.action, note: a.note, by_login: staff.login, department: a.action === 'assign' ? a.department : a.action === 'respond' ? staff.unit : null, at: now })
      .execute();
    await touchFeed(tx, 'complaint', id, now);
  });
}

/** Past the deadline and still with the office or the department: escalated once, for discipline inspection. */
export async function escalateOverdueComplaints(db: ServerDb, today: string, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .updateTable('complaints')
      .set({ escalated_at: now })
      .where('escalated_at', 'is', null)
      .where('state', 'in', PENDING)
      .where('deadline', '<', today)
      .returning(['id', 'department'])
      .execute();
    for (const r of rows) {
      await tx.insertInto('complaint_steps').values({ complaint_id: r.id, action: 'overdue', note: null, by_login: null, department: r.department, at: now }).execute();
      await touchFeed(tx, 'complaint', r.id, now);
    }
    return rows.length;
  });
}

/**
 * What the kiosk shows the visitor. With a phone on file the last four digits must match; a wrong
 * code, missing or wrong digits all answer NOT_FOUND alike.
 */
export async function trackOpinion(db: ServerDb, code: string, last4: string | undefined): Promise<OpinionProgress> {
  const c = await db.selectFrom('complaints').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  // One query and one decision, known code or not: there is no shorter way to a refusal.
  const digits = c?.phone ? maskPhone(c.phone).phoneLast4 : null;
  if (!c || (digits !== null && digits !== last4)) throw new ServerError('NOT_FOUND');
  return {
    trackingCode: c.tracking_code,
    kind: c.kind,
    state: c.state,
    filedAt: c.filed_at,
    deadline: c.deadline,
    // Shown on a public kiosk screen: phones and ID numbers in the answer are masked.
    feedback: c.state === 'fed-back' || c.state === 'closed' ? maskPersonalText(c.feedback) : null,
    received: true,
  };
}

/** Items 1..11 with how many opinions filed in the range cite each. */
export async function prohibitionCounts(db: ServerDb, from: string, to: string): Promise<{ item: number; count: number }[]> {
  const rows = await db
    .selectFrom('complaints')
    .select((eb) => ['prohibition', eb.fn.countAll<string>().as('n')])
    .where('prohibition', 'is not', null)
    .where('filed_on', '>=', from)
    .where('filed_on', '<=', to)
    .groupBy('prohibition')
    .execute();
  const n = new Map(rows.map((r) => [r.prohibition, Number(r.n)]));
  return Array.from({ length: 11 }, (_, i) => ({ item: i + 1, count: n.get(i + 1) ?? 0 }));
}
