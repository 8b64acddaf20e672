import type { AttemptRule } from './attempt-rule.js';

const MIN = 60_000;

/** What a visitor at one kiosk may get wrong before it must wait (issue 11 §3); the waits double up to 15 minutes. */
const kioskBackoff = (free: number): AttemptRule => ({ max: free, windowMs: 60 * MIN, backoff: { firstMs: 30_000, maxMs: 15 * MIN } });

/** Check-ins that found no appointment (wrong code or wrong phone digits), per terminal. */
export const CHECKIN_MISSES = kioskBackoff(5);
/** Phone look-ups that listed nothing, per terminal. */
export const PHONE_LOOKUP_MISSES = kioskBackoff(5);
/** Tracking look-ups refused (unknown code or wrong digits), per terminal: on the kiosk and on the central server. */
export const TRACK_MISSES = kioskBackoff(5);
/** Refused look-ups of one tracking code (wrong phone digits), from any kiosk: then the code is locked for a day. */
export const TRACK_CODE_MISSES: AttemptRule = { max: 5, windowMs: 24 * 60 * MIN, lockMs: 24 * 60 * MIN };

/** Kiosk self-print proofs refused (unknown pickup code or wrong phone digits), per terminal. */
export const PICKUP_MISSES = kioskBackoff(5);
/** Refused proofs for one pickup code (wrong phone digits): then the code is locked at this kiosk for a day. */
export const PICKUP_CODE_MISSES: AttemptRule = { max: 5, windowMs: 24 * 60 * MIN, lockMs: 24 * 60 * MIN };

/** Wrong passwords at one counter for one login (a stranger elsewhere cannot lock the clerk out), as the server counts them. */
export const COUNTER_LOGIN_MISSES: AttemptRule = { max: 5, windowMs: 15 * MIN };
/** Wrong passwords at one counter, whatever the login: the looser bound on trying many logins. */
export const COUNTER_TERMINAL_MISSES: AttemptRule = { max: 20, windowMs: 15 * MIN };

/** The key a rule counts against when it is "per terminal" on the terminal itself: the service is one terminal. */
export const THIS_TERMINAL = 'this-terminal';

/**
 * The central server's public verification, per client address: readings that proved nothing
 * (unreadable, forged, unknown issuer) are how someone would probe it, so few are allowed; any
 * verification counts toward a looser bound, so the page cannot be scraped or used to burn CPU.
 */
export const VERIFY_MISSES: AttemptRule = { max: 20, windowMs: 15 * MIN };
export const VERIFY_PER_ADDRESS: AttemptRule = { max: 300, windowMs: 60 * MIN };
