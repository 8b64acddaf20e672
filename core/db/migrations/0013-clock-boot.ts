import type { Migration } from '../migrate.js';

/**
 * The clock offset keeps the moment the machine booted, as this terminal's wall clock saw it when the
 * offset was measured (wall clock minus time since boot). If the wall clock is later set (by hand, by
 * NTP) that moment moves, and the offset, measured against the old clock, is no longer used.
 * A row from before this step has none: it is re-measured before use.
 */
export const m0013: Migration = {
  version: 13,
  name: 'clock-boot',
  up(db) {
    db.exec(`ALTER TABLE sync_clock ADD COLUMN boot_at_ms INTEGER;`);
  },
};
