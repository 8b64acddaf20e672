import { sql, type Migration } from 'kysely';

/**
 * The queue reconciles offline work (issue 10). A ticket's state is the fold of every action known
 * for it (core/common/queue-rules resolveTicket), whatever order they arrived in, so each action
 * keeps when it counts (`at`, hall time corrected by the terminal's clock offset) and its counter.
 * An offline call of a number the server does not know yet waits as `pending` (`number`, `day`)
 * until the ticket arrives. A day's close-out turns what still waits into `not-served`.
 */
export const m0010: Migration = {
  async up(db) {
    for (const statement of [
      `ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`,
      `ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('waiting', 'called', 'parked', 'done', 'no-show', 'not-served'))`,
      `ALTER TABLE tickets ADD COLUMN appointment_flag text CHECK (appointment_flag IN ('checked-in-twice', 'cancelled'))`,
      // The line a ticket was issued in: the fold starts there, a transfer moves it.
      `ALTER TABLE tickets ADD COLUMN issued_service text`,
      `UPDATE tickets SET issued_service = service`,
      // What a counter serves, what the close-out closes and what a refresh sends, whatever the day: the open few, not every day's tickets.
      `CREATE INDEX tickets_open ON tickets (hall, day) WHERE state IN ('waiting', 'called', 'parked')`,
      `ALTER TABLE tickets ALTER COLUMN issued_service SET NOT NULL`,
      `ALTER TABLE queue_actions DROP CONSTRAINT queue_actions_outcome_check`,
      `ALTER TABLE queue_actions ADD CONSTRAINT queue_actions_outcome_check CHECK (outcome IN ('applied', 'none', 'conflict', 'not-found', 'pending'))`,
      `ALTER TABLE queue_actions ADD COLUMN counter_no integer`,
      `ALTER TABLE queue_actions ADD COLUMN at timestamptz`,
      `ALTER TABLE queue_actions ADD COLUMN number text`,
      `ALTER TABLE queue_actions ADD COLUMN day text`,
      // The id the terminal named: a placeholder's, for a number typed in offline, stays one ticket.
      `ALTER TABLE queue_actions ADD COLUMN named_id text`,
      // Part of its ticket's fold: every uploaded action and every API action that was applied.
      `ALTER TABLE queue_actions ADD COLUMN counts boolean NOT NULL DEFAULT false`,
      `UPDATE queue_actions SET counter_no = (payload ->> 'counterNo')::integer, at = (payload ->> 'at')::timestamptz, number = payload ->> 'number', named_id = payload ->> 'ticketId'`,
      `CREATE INDEX queue_actions_named ON queue_actions (named_id) WHERE named_id IS NOT NULL`,
      `CREATE INDEX queue_actions_ticket ON queue_actions (ticket_id) WHERE counts`,
      `CREATE INDEX queue_actions_pending ON queue_actions (hall, day, number) WHERE outcome = 'pending'`,
      `CREATE TABLE queue_days (
        hall text NOT NULL,
        day text NOT NULL,
        closed_at timestamptz NOT NULL,
        PRIMARY KEY (hall, day)
      )`,
      `CREATE TABLE queue_conflicts (
        id text PRIMARY KEY,
        hall text NOT NULL,
        day text NOT NULL,
        ticket_id text NOT NULL REFERENCES tickets (id),
        number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('called-twice', 'served-elsewhere')),
        kept_counter integer NOT NULL,
        lost_counter integer NOT NULL,
        lost_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL
      )`,
      `CREATE INDEX queue_conflicts_hall_day ON queue_conflicts (hall, day, detected_at)`,
    ])
      await sql.raw(statement).execute(db);
  },
};
