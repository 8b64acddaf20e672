import { z } from 'zod';
import { FreeText } from './common.js';
import { Ticket, Ulid } from './queue.js';

/** A kiosk asks whether a rater holds a ticket: by the slip's QR (id) or the typed number, with the rating code. */
export const TicketHolderCheck = z.object({
  ticketId: Ulid.optional(),
  number: FreeText.trim().toUpperCase().min(2).max(16).optional(),
  code: FreeText.trim().toUpperCase().max(16),
});
export type TicketHolderCheck = z.infer<typeof TicketHolderCheck>;

export const serverRatingHolderApi = {
  ticketHolder: {
    method: 'POST',
    path: '/api/rating/holder',
    summary:
      "Checks a ticket of today in the kiosk's hall against its rating code (signed, kiosk terminals only); the ticket as it stands, or 403 TICKET_PROOF_FAILED whatever was wrong; 429 TOO_MANY_ATTEMPTS after too many failures of one terminal",
    signed: true,
    terminalRoles: ['kiosk'],
    query: z.object({}),
    body: TicketHolderCheck,
    response: z.object({ ticket: Ticket }),
  },
} as const;
