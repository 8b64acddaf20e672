import { PICKUP_LINE } from '../../../core/contract/certificates.js';
import { CREDIT_CODE_ALPHABET, creditCodeProblem, normalizeCreditCode } from '../../../core/common/credit-code.js';

const CREDIT_CODE_LIKE = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{18}$`);

/**
 * What the search box holds: empty, a mistyped 统一社会信用代码 (18 characters of its alphabet whose check
 * character is wrong: said at once, never sent), or a query for the service.
 */
export function searchQuery(text: string): { kind: 'empty' } | { kind: 'badCreditCode' } | { kind: 'query'; q: string } {
  const q = text.trim();
  if (q === '') return { kind: 'empty' };
  const code = normalizeCreditCode(q);
  if (CREDIT_CODE_LIKE.test(code) && /\d/.test(code) && creditCodeProblem(code) === 'check') return { kind: 'badCreditCode' };
  return { kind: 'query', q: CREDIT_CODE_LIKE.test(code) ? code : q };
}

/** The hall's pickup line. */
export { PICKUP_LINE };

/** Offered straight away for the ticket being served: a pickup (line E) or a visitor with an enterprise. */
export const offersCertificates = (ticket: { service: string; enterprise: string | null } | null): boolean =>
  ticket !== null && (ticket.service === PICKUP_LINE || ticket.enterprise !== null);
