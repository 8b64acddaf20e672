import type { ComplaintState } from '../../core/contract/opinions.js';
import type { StaffRole } from '../../core/contract/server-admin.js';
import {
  COMPLAINT_STEP_ROLES,
  supervisionApi,
  type CaseAction,
  type CaseState,
  type ComplaintActionName,
  type StaffIdentity,
} from '../../core/contract/supervision-api.js';

/** The pages' sections, each shown to the roles whose routes it reads (so the page and the server agree). */
export const SECTIONS = ['satisfaction', 'cases', 'complaints', 'prohibitions', 'inspection', 'queue', 'certificates', 'staff'] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_ROUTE = {
  satisfaction: 'satisfaction',
  cases: 'cases',
  complaints: 'complaints',
  prohibitions: 'prohibitions',
  inspection: 'inspection',
  queue: 'queueDay',
  certificates: 'certificateOverview',
  staff: 'staffAccounts',
} as const satisfies Record<Section, keyof typeof supervisionApi>;

function allowed(route: keyof typeof supervisionApi, role: StaffRole): boolean {
  const def = supervisionApi[route];
  return 'roles' in def && (def.roles as readonly string[]).includes(role);
}

export function sectionsFor(role: StaffRole): Section[] {
  return SECTIONS.filter((s) => allowed(SECTION_ROUTE[s], role));
}

export const canReadCase = (role: StaffRole) => allowed('caseDetail', role);
export const canActOnCases = (role: StaffRole) => allowed('caseAction', role);
export const canListDepartments = (role: StaffRole) => allowed('departments', role);
/** The full phone is for the one role that calls back. */
export const seesFullPhone = (role: StaffRole) => role === 'office';

/** The one step a follow-up case takes next: return visit, outcome, feedback to the rater, close. */
export const NEXT_CASE_ACTION: Record<CaseState, CaseAction['action'] | null> = {
  open: 'return-visit',
  visited: 'outcome',
  resolved: 'feedback',
  'fed-back': 'close',
  closed: null,
};

/** Which complaint steps the states allow (the server has the last word; this only hides the rest). */
const STEP_STATES: Record<ComplaintActionName, readonly ComplaintState[]> = {
  assign: ['received', 'assigned'],
  respond: ['assigned'],
  feedback: ['responded'],
  close: ['fed-back'],
  escalate: ['received', 'assigned', 'responded', 'fed-back'],
};

/** The steps the signed-in account may take on a complaint in this state. */
export function complaintActionsFor(
  staff: Pick<StaffIdentity, 'role' | 'unit'>,
  complaint: { state: ComplaintState; department: string | null; escalated: boolean },
): ComplaintActionName[] {
  return (Object.keys(STEP_STATES) as ComplaintActionName[]).filter((a) => {
    if (COMPLAINT_STEP_ROLES[a] !== staff.role || !STEP_STATES[a].includes(complaint.state)) return false;
    if (a === 'respond') return complaint.department !== null && complaint.department === staff.unit;
    if (a === 'escalate') return !complaint.escalated;
    return true;
  });
}
