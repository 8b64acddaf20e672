import type { Migration } from '../migrate.js';

/**
 * The hall queue on a terminal. Reference data the server owns (staff credentials, appointments,
 * hall config) arrives through the change feed; `queue_ticket` is this terminal's replica of the
 * hall's tickets (from the server's live pushes) plus the tickets it issued itself while offline.
 */
export const m0007: Migration = {
  version: 7,
  name: 'queue',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        login TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        number TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL CHECK (disabled IN (0, 1))
      ) STRICT;
      CREATE TABLE hall_config (
        hall TEXT PRIMARY KEY,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE TABLE appointment (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        hall TEXT NOT NULL,
        date TEXT NOT NULL,
        phone_last4 TEXT NOT NULL,
        state TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX appointment_code ON appointment (code, date);
      CREATE INDEX appointment_phone ON appointment (phone_last4, date);
      CREATE TABLE queue_ticket (
        id TEXT PRIMARY KEY,
        hall TEXT NOT NULL,
        number TEXT NOT NULL,
        service TEXT NOT NULL,
        state TEXT NOT NULL,
        day TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        -- Arrival order here: the server's order for what it pushed, local order for offline tickets.
        ord INTEGER NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX queue_ticket_live ON queue_ticket (hall, day, state, service, ord);
      CREATE INDEX queue_ticket_number ON queue_ticket (number, day);
      CREATE TABLE queue_offline_number (
        day TEXT NOT NULL,
        service TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (day, service)
      ) STRICT;
      CREATE TABLE counter_presence (
        hall TEXT NOT NULL,
        counter_no INTEGER NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        PRIMARY KEY (hall, counter_no)
      ) STRICT;
      CREATE TABLE counter_session (
        token_hash TEXT PRIMARY KEY,
        login TEXT NOT NULL,
        counter_no INTEGER NOT NULL,
        presence TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
