import { CERTIFICATE_EVENTS } from '../contract/certificates.js';
import { OPINION_EVENT } from '../contract/opinions.js';
import { QUEUE_EVENTS } from '../contract/queue.js';
import { RATING_EVENT, type RatingRecord } from '../contract/ratings.js';
import { chainEntryOf } from './rating-chain.js';

/**
 * What an event keeps once its personal data must go (DESIGN.md §7): on a terminal as soon as the
 * server has acknowledged it, on the server when the data's retention ends. One rule per event type;
 * ids, sequence numbers and hashes stay, so the event still counts, links and verifies.
 */
type Payload = Record<string, unknown>;

const SCRUB_RULES: Readonly<Record<string, (p: Payload) => Payload>> = {
  // The text and the phone (and any ID number typed into the text); code, kind and item stay for lookups and statistics.
  [OPINION_EVENT]: (p) => ({ ...p, text: '', phone: null }),
  // The chain entry alone: what was rated, by whom and how leaves.
  [RATING_EVENT]: (p) => ({ ...chainEntryOf(p as unknown as RatingRecord) }),
  // The enterprise of an appointment ticket.
  [QUEUE_EVENTS.ticketIssued]: (p) => ({ ...p, enterprise: null }),
  // Who collected a certificate: name and ID's last four; kind, counter, clerk, times and the keyed hash stay.
  [CERTIFICATE_EVENTS.handedOver]: (p) => ({ ...p, recipientName: '', idLast4: '' }),
  // The mail's recipient, phone and street; province, city, county and waybill stay for tracking and statistics.
  [CERTIFICATE_EVENTS.mailed]: (p) => ({ ...p, address: { ...(p.address as Payload), recipient: '', phone: '', street: '' } }),
  // Who signed for the letter.
  [CERTIFICATE_EVENTS.mailState]: (p) => ({ ...p, mail: { ...(p.mail as Payload), signer: null } }),
};

/** Event types that carry personal data. */
export const SCRUBBED_EVENT_TYPES: readonly string[] = Object.keys(SCRUB_RULES);

/** The payload without its personal data, or null when events of this type carry none. */
export function scrubbedPayload(type: string, payload: unknown): Payload | null {
  const rule = SCRUB_RULES[type];
  if (!rule || payload === null || typeof payload !== 'object') return null;
  return rule(payload as Payload);
}
