import { describe, expect, it } from 'vitest';
import { RATING_CODE_ALPHABET, RatingCode } from '../contract/queue.js';
import { isRatingCode, newRatingCode, parseTicketQr, ratingCodeChars, sameRatingCode, ticketQrText } from './rating-code.js';

describe('the rating code', () => {
  it('is five characters of the unambiguous alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newRatingCode()));
    expect(codes.size).toBeGreaterThan(195);
    for (const c of codes) expect(RatingCode.safeParse(c).success).toBe(true);
    expect(RATING_CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B6G]/);
  });

  it('draws each character uniformly: bytes past the alphabet’s last whole multiple are drawn again', () => {
    let calls = 0;
    // 250 is past 242 (11 × 22) and must be drawn again; 0, 1, 2… then pick the alphabet in order.
    const code = newRatingCode((b) => (calls++ === 0 ? b.fill(250) : b.map((_, i) => i)));
    expect(code).toBe(RATING_CODE_ALPHABET.slice(0, 5));
  });

  it('reads typed input in upper case without spaces or dashes, and compares whole codes only', () => {
    expect(ratingCodeChars(' ac-d e f ')).toBe('ACDEF');
    expect(isRatingCode('ACDEF')).toBe(true);
    expect(isRatingCode('AC0EF')).toBe(false);
    expect(sameRatingCode('ACDEF', 'ACDEF')).toBe(true);
    expect(sameRatingCode('ACDE', 'ACDEF')).toBe(false);
    expect(sameRatingCode('ACDEFA', 'ACDEF')).toBe(false);
    expect(sameRatingCode('ACDEX', 'ACDEF')).toBe(false);
  });
});

describe('the ticket slip QR', () => {
  const id = '01JD8ZQ3W4X5Y6Z7A8B9C0D1E2';
  it('carries number, ticket id and rating code, and reads back', () => {
    const text = ticketQrText({ number: 'K-A001', id }, 'ACDEF');
    expect(text).toBe(`HALL-TICKET:K-A001:${id}:ACDEF`);
    expect(parseTicketQr(text)).toEqual({ number: 'K-A001', id, code: 'ACDEF' });
    expect(parseTicketQr(`hall-ticket:a012:${id.toLowerCase()}`)).toEqual({ number: 'A012', id, code: null });
    expect(parseTicketQr('HALL-OPINION:K7PM-3XQ9')).toBeNull();
    expect(parseTicketQr('HALL-TICKET:A012:01J')).toBeNull();
  });
});
