import type { Selectable, Transaction } from 'kysely';
import { ulid } from 'ulid';
import { ServerError, type CaseAction, type CaseDetail, type CaseState, type CaseSummary, type RatingLevel, type RatingRecord, type StaffRole } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import type { FeedbackClock } from '../supervision/feedback-clock.js';
import { clerkNames, toRatingView, type RatingRow } from '../ratings/views.js';
import { maskPhone } from '../appointments/repository.js';
import { touchFeed } from '../supervision/feed.js';
import type { RatingCasesTable } from '../supervision/schema.js';

type Tx = Transaction<ServerSchema>;
type CaseRow = Selectable<RatingCasesTable>;

/** Done with: the rater has been told, or the case is closed. */
const SETTLED: CaseState[] = ['fed-back', 'closed'];
const isOverdue = (c: CaseRow, today: string) => !SETTLED.includes(c.state) && c.deadline < today;

/** A counted bad rating's follow-up case, due CASE_DEADLINE_WORKING_DAYS working days after the day it was filed. */
export async function openCase(tx: Tx, ratingId: string, filedOn: string, clock: FeedbackClock): Promise<string> {
  const id = ulid(clock.now.getTime());
  const deadline = clock.calendar.addWorkingDays(filedOn, clock.caseDeadlineWorkingDays);
  await tx.insertInto('rating_cases').values({ id, rating_id: ratingId, state: 'open', opened_at: clock.now, filed_on: filedOn, deadline }).execute();
  await tx.insertInto('rating_case_steps').values({ case_id: id, action: 'opened', note: null, by_login: null, at: clock.now }).execute();
  await touchFeed(tx, 'case', id, clock.now);
  return id;
}

function toSummary(c: CaseRow, r: RatingRow, names: Map<string, string>, today: string): CaseSummary {
  return {
    id: c.id,
    ratingId: c.rating_id,
    state: c.state,
    openedAt: c.opened_at.toISOString(),
    filedOn: c.filed_on,
    deadline: c.deadline,
    overdue: isOverdue(c, today),
    escalated: c.escalated_at !== null,
    counterNo: r.counter_no,
    clerkNumber: r.clerk_number,
    clerkName: names.get(r.clerk_number) ?? null,
    matter: r.matter,
    level: r.level as RatingLevel,
    reasons: r.reasons as RatingRecord['reasons'],
    outcome: c.outcome,
  };
}

export interface CaseFilter {
  ids?: string[];
  state?: CaseState;
  overdue?: boolean;
  /** Overdue or escalated: the discipline-inspection view. */
  attention?: boolean;
}

export async function listCases(db: ServerDb, filter: CaseFilter, today: string): Promise<CaseSummary[]> {
  if (filter.ids && !filter.ids.length) return [];
  let q = db.selectFrom('rating_cases').selectAll().orderBy('deadline').orderBy('id');
  if (filter.ids) q = q.where('id', 'in', filter.ids);
  if (filter.state) q = q.where('state', '=', filter.state);
  const cases = await q.execute();
  const ratings = cases.length ? await db.selectFrom('ratings').selectAll().where('id', 'in', cases.map((c) => c.rating_id)).execute() : [];
  const byId = new Map(ratings.map((r) => [r.id, r]));
  const names = await clerkNames(db);
  return cases
    .map((c) => toSummary(c, byId.get(c.rating_id)!, names, today))
    .filter((c) => filter.overdue === undefined || c.overdue === filter.overdue)
    .filter((c) => !filter.attention || c.overdue || c.escalated);
}

/** The appointment behind the rated ticket, if the visitor booked one: whom the office calls back. */
async function contactFor(db: ServerDb, r: RatingRow, role: StaffRole): Promise<CaseDetail['contact']> {
  // Only the office makes the return visit: no one else learns which enterprise gave the rating.
  if (role !== 'office') return null;
  const row = await db
    .selectFrom('tickets as t')
    .innerJoin('terminals as term', 'term.hall', 't.hall')
    .innerJoin('appointments as a', 'a.id', 't.appointment_id')
    .select(['a.enterprise', 'a.phone'])
    .where('term.id', '=', r.terminal_id)
    .where('t.day', '=', r.day)
    .where('t.number', '=', r.ticket_number)
    .executeTakeFirst();
  if (!row) return null;
  return { enterprise: row.enterprise, phone: row.phone, phoneMasked: maskPhone(row.phone).phoneMasked };
}

export async function caseDetail(db: ServerDb, id: string, today: string, role: StaffRole): Promise<CaseDetail> {
  const c = await db.selectFrom('rating_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new ServerError('NOT_FOUND');
  const r = await db.selectFrom('ratings').selectAll().where('id', '=', c.rating_id).executeTakeFirstOrThrow();
  const names = await clerkNames(db);
  const steps = await db.selectFrom('rating_case_steps').selectAll().where('case_id', '=', id).orderBy('seq').execute();
  return {
    ...toSummary(c, r, names, today),
    rating: toRatingView(r, names, c.id),
    fixBy: c.fix_by,
    contact: await contactFor(db, r, role),
    steps: steps.map((s) => ({ action: s.action as CaseDetail['steps'][number]['action'], note: s.note, by: s.by_login, at: s.at.toISOString() })),
  };
}

/** Which state each step needs and leads to: return visit, outcome, feedback to the rater, close. */
const STEPS: Record<CaseAction['action'], { from: CaseState; to: CaseState }> = {
  'return-visit': { from: 'open', to: 'visited' },
  outcome: { from: 'visited', to: 'resolved' },
  feedback: { from: 'resolved', to: 'fed-back' },
  close: { from: 'fed-back', to: 'closed' },
};

export async function caseAction(db: ServerDb, id: string, a: CaseAction, by: string, now: Date): Promise<void> {
  if (a.action === 'outcome' && a.outcome === 'fixed-by-deadline' && !a.fixBy)
    throw new ServerError('VALIDATION_FAILED', [{ path: 'fixBy', message: 'a fix by a deadline needs its date' }]);
  await db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('rating_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw new ServerError('NOT_FOUND');
    const step = STEPS[a.action];
    if (c.state !== step.from) throw new ServerError('WORKFLOW_CONFLICT');
    await tx
      .updateTable('rating_cases')
      .set({ state: step.to, ...(a.action === 'outcome' ? { outcome: a.outcome, fix_by: a.outcome === 'fixed-by-deadline' ? a.fixBy : null } : {}) })
      .where('id', '=', id)
      .execute();
    await tx.insertInto('rating_case_steps').values({ case_id: id, action: a.action, note: a.note, by_login: by, at: now }).execute();
    await touchFeed(tx, 'case', id, now);
  });
}

/** Cases past their deadline and not settled are escalated once (a step and a feed entry). */
export async function escalateOverdueCases(db: ServerDb, today: string, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .updateTable('rating_cases')
      .set({ escalated_at: now })
      .where('escalated_at', 'is', null)
      .where('state', 'not in', SETTLED)
      .where('deadline', '<', today)
      .returning('id')
      .execute();
    for (const { id } of rows) {
      await tx.insertInto('rating_case_steps').values({ case_id: id, action: 'escalate', note: 'overdue', by_login: null, at: now }).execute();
      await touchFeed(tx, 'case', id, now);
    }
    return rows.length;
  });
}
