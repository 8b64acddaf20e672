import { uptime } from 'node:os';
import type { Db } from '../db/connection.js';

/**
 * The machine's two clocks: the wall clock, which can be set (by hand, by NTP) and jump, and the time
 * since boot, which only runs forward (sleep included) and survives a restart of this program.
 */
export interface MachineClock {
  /** Wall clock, ms since the epoch. */
  now(): number;
  /** Time since the machine booted, ms. */
  sinceBoot(): number;
}

export const SYSTEM_CLOCK: MachineClock = { now: () => Date.now(), sinceBoot: () => uptime() * 1000 };

/**
 * How far the wall clock may move against the time since boot before an offset measured on it is
 * dropped: more than the uptime's resolution and NTP's gentle slewing, far less than a clock being set.
 */
export const CLOCK_JUMP_TOLERANCE_MS = 2_000;

/** When the machine booted, as its wall clock says now: it moves exactly when the wall clock is set. */
export const bootAt = (clock: MachineClock): number => clock.now() - clock.sinceBoot();

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

export type StoredClockOffset = ClockMeasurement & { measuredAt: string };

/** `bootAtMs`: bootAt() when measured; null for a measurement whose clock cannot be checked later. */
export function saveClockOffset(db: Db, m: ClockMeasurement, measuredAt: number, bootAtMs: number | null = null): void {
  db.prepare(
    `INSERT INTO sync_clock (id, offset_ms, round_trip_ms, measured_at, boot_at_ms) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, round_trip_ms = excluded.round_trip_ms, measured_at = excluded.measured_at, boot_at_ms = excluded.boot_at_ms`,
  ).run(m.offsetMs, m.roundTripMs, new Date(measuredAt).toISOString(), bootAtMs === null ? null : Math.round(bootAtMs));
}

/** The last measurement as stored, whether or not it still holds. */
export function loadClockOffset(db: Db): (StoredClockOffset & { bootAtMs: number | null }) | null {
  const row = db.prepare('SELECT offset_ms, round_trip_ms, measured_at, boot_at_ms FROM sync_clock WHERE id = 1').get() as
    | { offset_ms: number; round_trip_ms: number; measured_at: string; boot_at_ms: number | null }
    | undefined;
  return row ? { offsetMs: row.offset_ms, roundTripMs: row.round_trip_ms, measuredAt: row.measured_at, bootAtMs: row.boot_at_ms } : null;
}

/**
 * The stored offset if it still holds: the wall clock it was measured against has not been set since
 * (the machine's boot moment, as the wall clock sees it, has not moved). After the clock was set, or
 * after a reboot (which cannot be told from one), it is dropped until the server's clock is measured
 * again: a terminal that ran 15 minutes fast and was corrected must not go on taking 15 minutes off.
 */
export function trustedClockOffset(db: Db, clock: MachineClock): StoredClockOffset | null {
  const m = loadClockOffset(db);
  if (!m || m.bootAtMs === null || Math.abs(bootAt(clock) - m.bootAtMs) > CLOCK_JUMP_TOLERANCE_MS) return null;
  return { offsetMs: m.offsetMs, roundTripMs: m.roundTripMs, measuredAt: m.measuredAt };
}
