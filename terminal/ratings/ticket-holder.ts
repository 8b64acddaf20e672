import { AppError, Ticket, type HolderProof, type TicketProof } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { isRatingCode, parseTicketQr, RATING_TRY_RULE, ratingCodeChars, sameRatingCode } from '../../core/common/rating-code.js';
import { ratingCodeOf } from '../../core/queue/rating-codes.js';
import { getTicket, ticketByNumber } from '../../core/queue/tickets.js';
import type { ServerLink } from '../queue/server-link.js';
import type { AttemptKey, TerminalAttempts } from '../security/attempts.js';

const TRIES: AttemptKey[] = [{ kind: 'rating-ticket', key: 'this-terminal', rule: RATING_TRY_RULE }];

const refused = () => new AppError('TICKET_PROOF_FAILED');
const isRefusal = (err: unknown) => err instanceof AppError && err.code === 'TICKET_PROOF_FAILED';

interface Claim {
  number: string | null;
  id: string | null;
  code: string;
  by: HolderProof['by'];
}

function claimOf(proof: TicketProof): Claim | null {
  if (proof.qr) {
    const scanned = parseTicketQr(proof.qr);
    return scanned?.code ? { number: scanned.number, id: scanned.id, code: scanned.code, by: 'slip-qr' } : null;
  }
  const code = ratingCodeChars(proof.code ?? '');
  return proof.number && isRatingCode(code) ? { number: proof.number.trim().toUpperCase(), id: null, code, by: 'rating-code' } : null;
}

/**
 * Proves that whoever rates by ticket at this kiosk holds it: the slip's QR, or its number and rating
 * code. A ticket this kiosk issued is checked against the code it keeps; any other by the central
 * server. Every failure is TICKET_PROOF_FAILED and counts against this terminal (terminal/security).
 */
export class TicketHolder {
  constructor(
    private readonly db: Db,
    private readonly link: ServerLink,
    private readonly attempts: Pick<TerminalAttempts, 'guard'>,
  ) {}

  prove(proof: TicketProof, hall: string, today: string): Promise<{ ticket: Ticket; holderProof: HolderProof }> {
    return this.attempts.guard(TRIES, async () => {
      const claim = claimOf(proof);
      if (!claim) throw refused();
      const local = claim.id ? getTicket(this.db, claim.id) : ticketByNumber(this.db, hall, claim.number!, today);
      const held = local && local.number === claim.number && local.hall === hall ? ratingCodeOf(this.db, local.id) : null;
      if (local && held) {
        if (!sameRatingCode(claim.code, held)) throw refused();
        return { ticket: local, holderProof: { by: claim.by, checkedBy: 'issuing-kiosk' } };
      }
      const body = claim.id ? { ticketId: claim.id, code: claim.code } : { number: claim.number!, code: claim.code };
      // TICKET_PROOF_FAILED from the server passes through as the same refusal. Unreachable, this kiosk cannot
      // check a ticket it did not issue: the same answer again, so no answer tells which numbers it issued.
      const answer = await this.link.call('POST', '/api/rating/holder', body, (j) => ({ ticket: Ticket.parse((j as { ticket: unknown }).ticket) }));
      if (!answer.ok) throw answer.refused ? new AppError('SERVER_REFUSED', { reason: answer.refused }) : refused();
      const { ticket } = answer.value;
      if (ticket.number !== claim.number) throw refused();
      return { ticket, holderProof: { by: claim.by, checkedBy: 'server' } };
    }, isRefusal);
  }
}
