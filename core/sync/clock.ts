import type { Db } from '../db/connection.js';

export interface ClockMeasurement {
  /** Server clock minus ours, in ms: add it to Date.now() to get the server's time. */
  offsetMs: number;
  /** The measurement is good to about half of this. */
  roundTripMs: number;
}

/**
 * Offset from one request: the server read its clock somewhere between our send and receive, so
 * we assume the middle (as NTP does for a single sample).
 */
export function estimateClockOffset(sentAt: number, receivedAt: number, serverTime: number): ClockMeasurement {
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: Math.round(serverTime - (sentAt + roundTripMs / 2)), roundTripMs };
}

/** How far apart the clocks may be before staff are told; DESIGN.md: never order by a drifting clock alone. */
export const DEFAULT_CLOCK_BOUND_MS = 60_000;

export type ClockState = { state: 'unknown' } | { state: 'ok' | 'drifted'; offsetMs: number; measuredAt: string };

export function clockState(m: { offsetMs: number; measuredAt: string } | null, boundMs = DEFAULT_CLOCK_BOUND_MS): ClockState {
  if (!m) return { state: 'unknown' };
  return { state: Math.abs(m.offsetMs) > boundMs ? 'drifted' : 'ok', offsetMs: m.offsetMs, measuredAt: m.measuredAt };
}

export function saveClockOffset(db: Db, m: ClockMeasurement, measuredAt: number): void {
  db.prepare(
    `INSERT INTO sync_clock (id, offset_ms, round_trip_ms, measured_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, round_trip_ms = excluded.round_trip_ms, measured_at = excluded.measured_at`,
  ).run(m.offsetMs, m.roundTripMs, new Date(measuredAt).toISOString());
}

export function loadClockOffset(db: Db): (ClockMeasurement & { measuredAt: string }) | null {
  const row = db.prepare('SELECT offset_ms, round_trip_ms, measured_at FROM sync_clock WHERE id = 1').get() as
    | { offset_ms: number; round_trip_ms: number; measured_at: string }
    | undefined;
  return row ? { offsetMs: row.offset_ms, roundTripMs: row.round_trip_ms, measuredAt: row.measured_at } : null;
}
