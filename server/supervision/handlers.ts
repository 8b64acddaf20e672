import { ServerError } from '../../core/contract/index.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerHandlers } from '../http/register.js';
import { login, logout } from '../staff/sessions.js';

type SupervisionHandlers = Pick<
  ServerHandlers,
  | 'staffLogin'
  | 'staffMe'
  | 'staffLogout'
  | 'satisfaction'
  | 'ratings'
  | 'live'
  | 'cases'
  | 'caseDetail'
  | 'caseAction'
  | 'complaints'
  | 'complaintDetail'
  | 'complaintAction'
  | 'departments'
  | 'prohibitions'
  | 'inspection'
  | 'trackOpinion'
>;

const notYet = () => {
  throw new ServerError('NOT_FOUND');
};

/** Staff sign-in, the supervision views and the complaint workflow. */
export function supervisionHandlers(db: ServerDb, config: ServerConfig): SupervisionHandlers {
  return {
    staffLogin: ({ body }) => login(db, body.login, body.password, config.now(), config.staffSessionTtlMs),
    staffMe: (_input, { staff }) => ({ login: staff.login, name: staff.name, number: staff.number, role: staff.role, unit: staff.unit }),
    staffLogout: async (_input, { staff }) => {
      await logout(db, staff, config.now());
      return { ok: true as const };
    },
    satisfaction: notYet,
    ratings: notYet,
    live: notYet,
    cases: notYet,
    caseDetail: notYet,
    caseAction: notYet,
    complaints: notYet,
    complaintDetail: notYet,
    complaintAction: notYet,
    departments: notYet,
    prohibitions: notYet,
    inspection: notYet,
    trackOpinion: notYet,
  };
}
