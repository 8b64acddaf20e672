import type { Migration } from '../migrate.js';

/**
 * Issue 12: a counter holds its clerks' display names and photos, so its counter and rating screens
 * show people, not logins. `latin_name` is the Latin form for the en and ru screens; `photo` the JPEG
 * the server made. Rows synced before have neither until the server sends the clerk again (a rename,
 * a new photo or password).
 */
export const m0019: Migration = {
  version: 19,
  name: 'staff-faces',
  up(db) {
    db.exec(`
      ALTER TABLE staff ADD COLUMN latin_name TEXT;
      ALTER TABLE staff ADD COLUMN photo BLOB;
    `);
  },
};
