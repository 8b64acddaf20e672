import { addDays, daysBetween, hallDay, hallInstant } from './hall-time.js';

/**
 * When a certificate ready for pickup has waited too long (CERT_WAITING_DAYS): counted in the hall's
 * calendar days, so one that became ready at 23:59 has waited a day at 00:00, whatever zone the
 * server's machine runs in. Waiting `days` days is still in time; the day after is too long.
 */
export function waitingDays(readyAt: Date | number | string, today: string, timeZone: string): number {
  return daysBetween(hallDay(readyAt, timeZone), today);
}

/** The instant before which a still-ready certificate has waited more than `days` hall days on `today`. */
export function waitingCutoff(today: string, days: number, timeZone: string): number {
  return hallInstant(addDays(today, -days), '00:00', timeZone);
}
