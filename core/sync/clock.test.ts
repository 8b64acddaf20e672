import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { clockState, estimateClockOffset, loadClockOffset, saveClockOffset } from './clock.js';

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
    saveClockOffset(db, { offsetMs: -7, roundTripMs: 30 }, Date.parse('2026-03-02T09:01:00Z'));
    db.close();
    const again = openDatabase(file);
    expect(loadClockOffset(again)).toEqual({ offsetMs: -7, roundTripMs: 30, measuredAt: '2026-03-02T09:01:00.000Z' });
    again.close();
    tmp.cleanup();
  });
});
