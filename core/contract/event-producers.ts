import { CERTIFICATE_EVENTS } from './certificates.js';
import { OPINION_EVENT } from './opinions.js';
import { QUEUE_EVENTS } from './queue.js';
import { RATING_EVENT } from './ratings.js';
import type { TerminalRole } from './server-admin.js';

/**
 * Which terminal roles produce each uploaded event type. The server refuses (EVENT_NOT_PRODUCED) an
 * event of a listed type from a terminal none of whose roles produces it: it is neither stored nor
 * applied, and the terminal dead-letters it. A type not listed here is no terminal's: it is stored as
 * an inert fact and never applied (every type a part of the server applies is listed; a test checks it).
 */
export const EVENT_PRODUCERS: Readonly<Record<string, readonly TerminalRole[]>> = {
  // The rating screen runs on a counter PC's second display (role counter) or alone (role rating); the kiosk rates by ticket.
  [RATING_EVENT]: ['counter', 'rating', 'kiosk'],
  [QUEUE_EVENTS.ticketIssued]: ['kiosk'],
  [QUEUE_EVENTS.checkedIn]: ['kiosk'],
  [QUEUE_EVENTS.action]: ['counter'],
  [QUEUE_EVENTS.presence]: ['counter'],
  [OPINION_EVENT]: ['kiosk'],
  // A kiosk hands a self-service certificate over by printing it.
  [CERTIFICATE_EVENTS.handedOver]: ['counter', 'kiosk'],
  [CERTIFICATE_EVENTS.reprinted]: ['counter'],
  [CERTIFICATE_EVENTS.mailed]: ['counter'],
  [CERTIFICATE_EVENTS.mailState]: ['counter'],
  'catalog.imported': ['kiosk', 'counter', 'rating', 'hall'],
  'print.queued': ['kiosk', 'counter'],
  'print.done': ['kiosk', 'counter'],
  'print.failed': ['kiosk', 'counter'],
};

/** The event is refused for its type: the uploading terminal's roles do not produce it. */
export const EVENT_NOT_PRODUCED = 'EVENT_NOT_PRODUCED';

/** Null when a terminal with these roles may upload an event of this type, else why not (no payload in it). */
export function eventRefusalFor(type: string, roles: readonly TerminalRole[]): string | null {
  const producers = EVENT_PRODUCERS[type];
  if (!producers || roles.some((r) => producers.includes(r))) return null;
  return `${type} is produced by terminals with role ${producers.join('/')}; this terminal has ${roles.join('/') || 'no role'}`;
}
