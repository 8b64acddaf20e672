import { z } from 'zod';
import { FreeText } from './common.js';
import { PrinterStatus } from './print.js';
import { NewOpinion, OpinionProgress, TrackingCode, TrackQuery } from './opinions.js';
import { RatingInput, RatingPrompt } from './ratings.js';
import { Ulid } from './queue.js';

/** Terminal-service routes for rating (好差评) and the opinion box; merged into `api`. */

const EmptyQuery = z.object({});
const TicketNumber = FreeText.trim().toUpperCase().min(2).max(16);
/**
 * Who rates by ticket proves they hold it: the slip's QR text (number, id, code), or the number and
 * the rating code typed. Anything else, a missing code included, gets one answer: TICKET_PROOF_FAILED.
 */
const TicketProof = z.object({
  number: TicketNumber.optional(),
  code: FreeText.trim().max(16).optional(),
  qr: FreeText.trim().max(300).optional(),
});
export type TicketProof = z.infer<typeof TicketProof>;

export const feedbackApi = {
  ratingPrompt: {
    method: 'GET',
    path: '/api/rating/prompt',
    summary: 'The service the rating screen asks about now (who served, counter, matter), or null',
    query: EmptyQuery,
    response: z.object({ prompt: RatingPrompt.nullable() }),
  },
  submitRating: {
    method: 'POST',
    path: '/api/rating',
    summary: 'Rate the service on the rating screen, once; a bad rating needs its reasons. 409 ALREADY_RATED after that',
    query: EmptyQuery,
    body: z.object({ serviceId: Ulid, rating: RatingInput }),
    response: z.object({ recorded: z.literal(true) }),
  },
  ratingByTicket: {
    method: 'GET',
    path: '/api/rating/ticket',
    summary:
      'A finished service of today, for rating at the kiosk, found by the slip’s QR or by its number and rating code; 403 TICKET_PROOF_FAILED when they do not match (the same for an unknown number), 429 TOO_MANY_ATTEMPTS after too many; 409 NOT_SERVED for a ticket the day closed before it was served',
    query: TicketProof,
    response: RatingPrompt,
  },
  rateByTicket: {
    method: 'POST',
    path: '/api/rating/ticket',
    summary: 'Rate a finished service at the kiosk, once, with the same proof as its look-up',
    query: EmptyQuery,
    body: TicketProof.extend({ rating: RatingInput }),
    response: z.object({ recorded: z.literal(true) }),
  },
  fileOpinion: {
    method: 'POST',
    path: '/api/opinions',
    summary: 'Drop an opinion, suggestion, complaint or letter to the leadership; returns the tracking code and prints it',
    query: EmptyQuery,
    body: NewOpinion.extend({ print: z.boolean().default(true) }),
    response: z.object({
      trackingCode: TrackingCode,
      filedAt: z.string(),
      print: z.enum(['queued', 'no-printer', 'printer-down', 'skipped']),
      jobId: z.string().nullable(),
      printer: PrinterStatus,
    }),
  },
  trackOpinion: {
    method: 'GET',
    path: '/api/opinions/track',
    summary: 'Progress of an opinion or complaint by its tracking code (and the phone’s last four digits when one was left)',
    query: TrackQuery,
    response: OpinionProgress,
  },
} as const;
