import { AppError, type hallApi } from '../../core/contract/index.js';
import type { Handlers } from './register.js';

type HallHandlers = Pick<Handlers, keyof typeof hallApi>;

/** Placeholder until the queue lands in the terminal service. */
export function hallHandlers(): HallHandlers {
  const notYet = () => {
    throw new AppError('NOT_FOUND');
  };
  const names = ['syncStatus', 'queueLines', 'takeTicket', 'checkin', 'checkinByPhone', 'printerStatus', 'printChecklist', 'board', 'counterLogin', 'counterLogout', 'counterPresence', 'counterQueue', 'counterAction', 'createAppointment', 'listAppointments', 'printJobs', 'reprint'] as const;
  return Object.fromEntries(names.map((n) => [n, notYet])) as unknown as HallHandlers;
}
