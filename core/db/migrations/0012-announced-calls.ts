import type { Migration } from '../migrate.js';

/**
 * The calls this terminal's board has announced, so that none is said twice: not when the server's
 * push repeats a call made here, not after a reconnect, not after a restart. A call is a ticket and
 * its call count (a recall is a new call). `day` and `number` also catch the placeholder a counter
 * made up for a number typed in offline, which the server later knows under its own ticket's id.
 */
export const m0012: Migration = {
  version: 12,
  name: 'announced-calls',
  up(db) {
    db.exec(`
      CREATE TABLE announced_call (
        ticket_id TEXT NOT NULL,
        call_count INTEGER NOT NULL,
        day TEXT NOT NULL,
        number TEXT NOT NULL,
        announced_at TEXT NOT NULL,
        PRIMARY KEY (ticket_id, call_count)
      ) STRICT;
      CREATE INDEX announced_call_number ON announced_call (day, number, call_count);
    `);
  },
};
