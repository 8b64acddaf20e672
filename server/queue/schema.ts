import type { ColumnType, Generated } from 'kysely';
import type { AppointmentState, PresenceState, TicketState } from '../../core/contract/index.js';

/** Tables of the hall queue (migration 0005); part of ServerSchema. */

type Timestamp = ColumnType<Date, Date, Date>;

export interface HallConfigsTable {
  hall: string;
  /** jsonb: read parsed, written as JSON text. */
  doc: ColumnType<unknown, string, string>;
  imported_at: Timestamp;
}

export interface AppointmentsTable {
  id: string;
  code: string;
  hall: string;
  enterprise: string;
  /** The full number; only the server holds it, terminals get it masked. */
  phone: string;
  matter: string;
  procedure_code: string | null;
  service: string;
  day: string;
  time_from: string;
  time_to: string;
  state: AppointmentState;
  ticket_id: string | null;
  created_by: string;
  created_at: Timestamp;
  checked_in_at: Timestamp | null;
  /** Migration 0008. */
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  cancel_request_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TicketsTable {
  id: string;
  hall: string;
  day: string;
  number: string;
  service: string;
  state: TicketState;
  appointment_id: string | null;
  enterprise: string | null;
  issued_at: Timestamp;
  offline: boolean;
  counter_no: number | null;
  called_at: Timestamp | null;
  called_by: string | null;
  call_count: Generated<number>;
  finished_at: Timestamp | null;
  /** bigint identity: pg returns it as a string; never written. */
  arrival: ColumnType<string, never, never>;
  terminal_id: string | null;
  /** Migration 0010. */
  appointment_flag: ColumnType<'checked-in-twice' | 'cancelled' | null, 'checked-in-twice' | 'cancelled' | null | undefined, 'checked-in-twice' | 'cancelled' | null>;
  issued_service: string;
  /** Migration 0011: when the server first learned of the ticket; issued_at is the device's stamp. */
  received_at: Timestamp;
  /** Migration 0016: the slip's rating code; a secret of the visitor, the issuing kiosk and the server, never sent in a Ticket. */
  rating_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TicketNumbersTable {
  hall: string;
  day: string;
  service: string;
  last: number;
}

export interface QueueActionsTable {
  action_id: string;
  hall: string;
  action: string;
  ticket_id: string | null;
  outcome: 'applied' | 'none' | 'conflict' | 'not-found' | 'pending';
  source: 'api' | 'event';
  payload: ColumnType<unknown, string, string>;
  received_at: Timestamp;
  /** Migration 0010. */
  counter_no: number | null;
  at: Timestamp | null;
  number: string | null;
  day: string | null;
  named_id: string | null;
  counts: Generated<boolean>;
  /** Migration 0013: a server-issued counter session vouched for the clerk (false: taken offline, clerk unconfirmed). */
  confirmed: Generated<boolean>;
}

export interface QueueDaysTable {
  hall: string;
  day: string;
  closed_at: Timestamp;
}

export interface QueueConflictsTable {
  id: string;
  hall: string;
  day: string;
  ticket_id: string;
  number: string;
  kind: 'called-twice' | 'served-elsewhere';
  kept_counter: number;
  lost_counter: number;
  lost_at: Timestamp;
  detected_at: Timestamp;
}

export interface CounterPresenceTable {
  hall: string;
  counter_no: number;
  staff: string | null;
  state: PresenceState;
  /** The time of the presence change that set this (the device's, offset applied). */
  since: Timestamp;
  /** Migration 0011. */
  event_id: ColumnType<string | null, string | null | undefined, string | null>;
  received_at: Timestamp;
  overridden_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface QueueSchema {
  hall_configs: HallConfigsTable;
  appointments: AppointmentsTable;
  tickets: TicketsTable;
  ticket_numbers: TicketNumbersTable;
  queue_actions: QueueActionsTable;
  counter_presence: CounterPresenceTable;
  queue_days: QueueDaysTable;
  queue_conflicts: QueueConflictsTable;
}
