import { sql, type Migration } from 'kysely';

export const m0004: Migration = {
  async up(db) {
    for (const s of [
      `ALTER TABLE terminals ADD COLUMN reported_dead_letters integer`,
      `ALTER TABLE terminals ADD COLUMN reported_last_sync_at timestamptz`,
      // Offline ticket numbers carry it (T3-A005), so two kiosks numbering offline never collide.
      `CREATE SEQUENCE terminal_prefix_seq`,
      `ALTER TABLE terminals ADD COLUMN ticket_prefix text UNIQUE`,
      `UPDATE terminals SET ticket_prefix = 'T' || nextval('terminal_prefix_seq') WHERE ticket_prefix IS NULL`,
    ])
      await sql.raw(s).execute(db);
  },
};
