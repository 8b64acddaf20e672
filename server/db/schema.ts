import type { ColumnType } from 'kysely';
import type { StaffRole, TerminalRole } from '../../core/contract/index.js';
import type { QueueSchema } from '../queue/schema.js';
import type { SupervisionSchema } from '../supervision/schema.js';
import type { SyncSchema } from '../sync/schema.js';

type Timestamp = ColumnType<Date, Date, Date>;

export interface TerminalsTable {
  id: string;
  name: string;
  hall: string;
  roles: TerminalRole[];
  device_id: string | null;
  /** Raw Ed25519 public key, base64url; set at enrollment. */
  public_key: string | null;
  /** SHA-256 (hex) of the normalized one-time code; kept after use so a second try is told "already used". */
  enroll_code_hash: string | null;
  enroll_code_expires_at: Timestamp | null;
  enrolled_at: Timestamp | null;
  disabled_at: Timestamp | null;
  last_seen_at: Timestamp | null;
  reported_version: string | null;
  reported_backlog: number | null;
  /** bigint: pg returns it as a string. */
  reported_clock_offset_ms: ColumnType<string | null, number | null, number | null>;
  reported_dead_letters: number | null;
  reported_last_sync_at: Timestamp | null;
  ticket_prefix: string | null;
  created_at: Timestamp;
  /** Migration 0012: the rating chain head the terminal last reported. */
  rating_head_seq: ColumnType<number | null, number | null | undefined, number | null>;
  rating_head_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StaffTable {
  id: string;
  login: string;
  name: string;
  number: string;
  role: StaffRole;
  password_hash: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  /** The department a `department` account answers for (migration 0006). */
  unit: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hall a clerk serves (migration 0013). */
  hall: ColumnType<string | null, string | null | undefined, string | null>;
  /** The display name's Latin form for the en and ru screens (migration 0018). */
  latin_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** A JPEG made on the server (staff/photo.ts), migration 0018. */
  photo: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
}

/** A clerk's password reset from the supervision pages (migration 0018): who, whose, when; never the password. */
export interface StaffResetsTable {
  id: string;
  at: Timestamp;
  by_login: string;
  login: string;
}

/** A clerk's sign-in at a counter, issued by the server (migration 0013); bound to the terminal and counter. */
export interface CounterSessionsTable {
  token_hash: string;
  staff_id: string;
  hall: string;
  terminal_id: string;
  counter_no: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface NoncesTable {
  terminal_id: string;
  nonce: string;
  expires_at: Timestamp;
}

/** bigint columns: pg returns them as strings. */
type BigintColumn = ColumnType<string, number, number>;

export interface EventsTable {
  terminal_id: string;
  device_seq: BigintColumn;
  event_id: string;
  type: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  received_at: Timestamp;
}

export interface EventSkipsTable {
  terminal_id: string;
  device_seq: BigintColumn;
  received_at: Timestamp;
}

export interface EventAcksTable {
  terminal_id: string;
  acked_through: BigintColumn;
}

/** Notices for a hall's kiosks (migration 0007). */
export interface AnnouncementsTable {
  id: string;
  hall: string;
  doc: unknown;
  /** pg returns date columns as Date; the day is read back from the document. */
  starts: string;
  ends: string;
  created_at: Date;
}

/** An uploaded event that was stored but could not be applied (migration 0009). */
export interface FailedEventsTable {
  event_id: string;
  terminal_id: string;
  device_seq: BigintColumn;
  type: string;
  reason: string;
  attempts: ColumnType<number, number | undefined, number>;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
  resolved_at: Timestamp | null;
}

/** A failed try, or one still running (migration 0014); see server/auth/attempt-limits.ts. */
export interface AttemptFailuresTable {
  id: string;
  kind: string;
  key_hash: string;
  failed_at: Timestamp;
  forget_at: Timestamp;
}

/** Migration 0019 (issue 13): certificates, their signing keys, and what terminals report of them. */
export interface CertificateKeysTable {
  key_id: string;
  public_key: string;
  private_key: string;
  issuer: string;
  active_from: Timestamp;
  retired_at: Timestamp | null;
}

export interface CertificatesTable {
  id: string;
  hall: string;
  identifier: string;
  lineage: string;
  version: number;
  template: string;
  procedure_id: string;
  holder_name: string;
  holder_code: string;
  number: string;
  state: string;
  delivery: string;
  pickup_code: string;
  phone: string | null;
  /** YYYY-MM-DD, as the certificate says. */
  issued_on: string;
  doc: ColumnType<unknown, string, string>;
  ready_at: Timestamp;
  created_at: Timestamp;
}

export interface CertificateHandoversTable {
  id: string;
  certificate_id: string;
  channel: string;
  counter: string;
  clerk: string | null;
  terminal_id: string;
  recipient_kind: string;
  recipient_name: string;
  id_type: string;
  id_hash: string;
  id_last4: string;
  letter_checked: boolean;
  ticket_id: string | null;
  arrived_at: Timestamp | null;
  at: Timestamp;
  immediate_seconds: number | null;
}

export interface CertificateHandoverConflictsTable {
  id: string;
  certificate_id: string;
  terminal_id: string;
  counter: string;
  at: Timestamp;
}

export interface CertificateReprintsTable {
  id: string;
  certificate_id: string;
  reason: string;
  counter: string;
  clerk: string | null;
  terminal_id: string;
  at: Timestamp;
}

export interface CertificateMailTable {
  certificate_id: string;
  waybill: string;
  address: ColumnType<unknown, string, string>;
  state: string;
  posted_at: Timestamp | null;
  delivered_at: Timestamp | null;
  signer: string | null;
  counter: string;
  clerk: string | null;
  at: Timestamp;
}

export interface ServerSchema extends SyncSchema, QueueSchema, SupervisionSchema {
  certificate_keys: CertificateKeysTable;
  certificates: CertificatesTable;
  certificate_handovers: CertificateHandoversTable;
  certificate_handover_conflicts: CertificateHandoverConflictsTable;
  certificate_reprints: CertificateReprintsTable;
  certificate_mail: CertificateMailTable;
  attempt_failures: AttemptFailuresTable;
  announcements: AnnouncementsTable;
  terminals: TerminalsTable;
  staff: StaffTable;
  staff_resets: StaffResetsTable;
  counter_sessions: CounterSessionsTable;
  nonces: NoncesTable;
  events: EventsTable;
  event_skips: EventSkipsTable;
  event_acks: EventAcksTable;
  failed_events: FailedEventsTable;
}
