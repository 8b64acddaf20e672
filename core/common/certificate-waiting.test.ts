import { describe, expect, it } from 'vitest';
import { hallDay } from './hall-time.js';
import { waitingCutoff, waitingDays } from './certificate-waiting.js';

const TZ = 'Asia/Shanghai';

describe('waiting too long, in the hall’s days', () => {
  it('counts calendar days in the hall’s zone, not hours and not the machine’s zone', () => {
    const readyAt = '2026-11-01T15:59:00Z'; // 23:59 on 1 November in the hall
    expect(waitingDays(readyAt, '2026-11-02', TZ)).toBe(1); // a minute later is the next hall day
    expect(waitingDays(readyAt, '2026-11-11', TZ)).toBe(10);
    expect(waitingDays('2026-11-01T16:00:00Z', '2026-11-11', TZ)).toBe(9); // 00:00 on 2 November
  });

  it('puts the cutoff at the hall’s midnight that starts the day `days` days back', () => {
    const cutoff = waitingCutoff('2026-11-12', 10, TZ);
    expect(new Date(cutoff).toISOString()).toBe('2026-11-01T16:00:00.000Z');
    expect(hallDay(cutoff, TZ)).toBe('2026-11-02');
    // Ready at 23:59 on 1 November: on the 12th it has waited 11 days (too long); on the 11th, 10 (in time).
    expect(Date.parse('2026-11-01T15:59:00Z') < cutoff).toBe(true);
    expect(Date.parse('2026-11-01T15:59:00Z') < waitingCutoff('2026-11-11', 10, TZ)).toBe(false);
  });
});
