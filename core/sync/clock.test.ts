import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { bootAt, clockState, estimateClockOffset, loadClockOffset, saveClockOffset, trustedClockOffset, type MachineClock } from './clock.js';

describe('estimateClockOffset', () => {
  it('is zero when the server read its clock halfway through a round trip on the same time', () => {
    expect(estimateClockOffset(1000, 1200, 1100)).toEqual({ offsetMs: 0, roundTripMs: 200 });
  });

  it('is positive when the terminal runs slow and negative when it runs fast', () => {
    // Terminal 10 minutes behind: it sends at its 1000, the server says 600_000 + 1050.
    expect(estimateClockOffset(1000, 1100, 601_050)).toEqual({ offsetMs: 600_000, roundTripMs: 100 });
    expect(estimateClockOffset(601_000, 601_100, 1_050)).toEqual({ offsetMs: -600_000, roundTripMs: 100 });
  });

  it('never reports a negative round trip when the local clock steps back mid-request', () => {
    expect(estimateClockOffset(2000, 1990, 2000)).toEqual({ offsetMs: 0, roundTripMs: 0 });
  });
});

describe('clockState', () => {
  it('says unknown before any contact, ok within the bound, drifted beyond it either way', () => {
    const at = '2026-03-02T09:00:00.000Z';
    expect(clockState(null)).toEqual({ state: 'unknown' });
    expect(clockState({ offsetMs: 59_000, measuredAt: at }, 60_000).state).toBe('ok');
    expect(clockState({ offsetMs: 61_000, measuredAt: at }, 60_000)).toEqual({ state: 'drifted', offsetMs: 61_000, measuredAt: at });
    expect(clockState({ offsetMs: -61_000, measuredAt: at }, 60_000).state).toBe('drifted');
  });
});

describe('stored offset', () => {
  it('keeps the latest measurement across a restart', () => {
    const tmp = tempDir();
    const file = tmp.file('t.sqlite');
    const db = openDatabase(file);
    expect(loadClockOffset(db)).toBeNull();
    saveClockOffset(db, { offsetMs: 5, roundTripMs: 40 }, Date.parse('2026-03-02T09:00:00Z'));
    saveClockOffset(db, { offsetMs: -7, roundTripMs: 30 }, Date.parse('2026-03-02T09:01:00Z'), 1_000);
    db.close();
    const again = openDatabase(file);
    expect(loadClockOffset(again)).toEqual({ offsetMs: -7, roundTripMs: 30, measuredAt: '2026-03-02T09:01:00.000Z', bootAtMs: 1_000 });
    again.close();
    tmp.cleanup();
  });
});

describe('trustedClockOffset', () => {
  const FIFTEEN_MINUTES = 15 * 60_000;
  const measuredAt = Date.parse('2026-03-02T01:30:00Z');
  // A machine up for an hour whose wall clock runs 15 minutes fast: the server says 15 minutes less.
  const machine = (wall: number, sinceBoot: number): MachineClock => ({ now: () => wall, sinceBoot: () => sinceBoot });
  const measured = (db: ReturnType<typeof openDatabase>) =>
    saveClockOffset(db, { offsetMs: -FIFTEEN_MINUTES, roundTripMs: 20 }, measuredAt, bootAt(machine(measuredAt, 3_600_000)));

  it('holds while the wall clock runs on evenly, in this run or after a restart of the service', () => {
    const tmp = tempDir();
    const db = openDatabase(tmp.file('t.sqlite'));
    measured(db);
    expect(trustedClockOffset(db, machine(measuredAt + 600_000, 3_600_000 + 600_000))?.offsetMs).toBe(-FIFTEEN_MINUTES);
    // The uptime's own resolution and NTP's slewing move it a little; that is no jump.
    expect(trustedClockOffset(db, machine(measuredAt + 600_500, 3_600_000 + 600_000))?.offsetMs).toBe(-FIFTEEN_MINUTES);
    db.close();
    tmp.cleanup();
  });

  it('is dropped once the wall clock was set (corrected while offline), and after a reboot', () => {
    const tmp = tempDir();
    const db = openDatabase(tmp.file('t.sqlite'));
    measured(db);
    // Ten minutes later the clock is put right: the wall clock steps back 15 minutes, the uptime does not.
    expect(trustedClockOffset(db, machine(measuredAt + 600_000 - FIFTEEN_MINUTES, 3_600_000 + 600_000))).toBeNull();
    // A reboot starts the uptime again: nothing tells whether the clock was set meanwhile.
    expect(trustedClockOffset(db, machine(measuredAt + 600_000, 60_000))).toBeNull();
    db.close();
    tmp.cleanup();
  });

  it('is not trusted when stored by a version that did not note the boot moment', () => {
    const tmp = tempDir();
    const db = openDatabase(tmp.file('t.sqlite'));
    saveClockOffset(db, { offsetMs: -FIFTEEN_MINUTES, roundTripMs: 20 }, measuredAt);
    expect(trustedClockOffset(db, machine(measuredAt, 3_600_000))).toBeNull();
    db.close();
    tmp.cleanup();
  });
});
