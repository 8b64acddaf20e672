import type { QueueHallEvent } from '../../core/contract/index.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { certificateEventApplier } from '../certificates/appliers.js';
import { openCase } from '../cases/repository.js';
import { opinionEventApplier } from '../complaints/store.js';
import type { ServerConfig } from '../config.js';
import { queueEventApplier } from '../queue/events.js';
import { ratingEventApplier } from '../ratings/store.js';
import { feedbackClock } from '../supervision/feedback-clock.js';
import type { EventApplier } from './apply.js';

/**
 * Every part of the server that applies uploaded events, wired together here: the queue (pushing to
 * a hall through `publish`), the ratings (which open their cases through cases/), the opinions and the
 * certificates' hand-overs, reprints and mail.
 * An upload and `events reapply` use the same ones.
 */
export function eventAppliers(config: ServerConfig, calendar: WorkingCalendar, publish: (hall: string, event: QueueHallEvent) => void): EventApplier[] {
  const clockAt = (now: Date) => feedbackClock(config, calendar, now);
  return [queueEventApplier(config.hallTimeZone, publish), ratingEventApplier(clockAt, openCase), opinionEventApplier(clockAt), certificateEventApplier()];
}
