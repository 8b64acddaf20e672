import type { FastifyBaseLogger } from 'fastify';
import type { QueueHallEvent } from '../../core/contract/index.js';
import type { LiveHub } from '../sync/live.js';

export type HallPublish = (hall: string, event: QueueHallEvent) => void;

/**
 * Pushes a queue event to the hall's terminals. A conflict between counters is also written to the
 * server's log at warn: hall, ticket number, kind and counters, never a name, phone or ID.
 */
export function hallPublisher(live: LiveHub, log: FastifyBaseLogger): HallPublish {
  return (hall, event) => {
    if (event.kind === 'conflict') {
      const c = event.conflict;
      log.warn(
        { queueConflict: { hall, number: c.number, kind: c.kind, keptCounter: c.keptCounter, lostCounter: c.lostCounter, lostAt: c.lostAt } },
        `queue conflict in hall ${hall}: ${c.number} ${c.kind}, kept by counter ${c.keptCounter}, set aside for counter ${c.lostCounter}`,
      );
    }
    live.publishToHall(hall, event);
  };
}
