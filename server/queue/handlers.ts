import { ServerError } from '../../core/contract/index.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerHandlers } from '../http/register.js';
import type { LiveHub } from '../sync/live.js';

type QueueHandlers = Pick<ServerHandlers, 'issueTicket' | 'queueAction' | 'queueState' | 'presence' | 'createAppointment' | 'listAppointments'>;

/** The hall queue's routes (placeholder until the queue lands). */
export function queueHandlers(_db: ServerDb, _config: ServerConfig, _live: LiveHub): QueueHandlers {
  const notYet = () => {
    throw new ServerError('NOT_FOUND');
  };
  return { issueTicket: notYet, queueAction: notYet, queueState: notYet, presence: notYet, createAppointment: notYet, listAppointments: notYet };
}
