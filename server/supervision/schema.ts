import type { ColumnType } from 'kysely';
import type { CaseOutcome, CaseState, ComplaintState, OpinionKind, RatingRecord } from '../../core/contract/index.js';

/** Tables of ratings, cases, complaints and staff sessions (migration 0006); part of ServerSchema. */

type Timestamp = ColumnType<Date, Date, Date>;
/** bigint identity: pg returns it as a string; never written. */
type Identity = ColumnType<string, never, never>;

export interface StaffSessionsTable {
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface RatingsTable {
  id: string;
  terminal_id: string;
  device_id: string;
  chain_seq: number;
  service_id: string;
  ticket_number: string;
  counter_no: number;
  clerk_number: string;
  service: string;
  matter: string;
  level: number | null;
  reasons: ColumnType<string[], string, string>;
  comment: string | null;
  channel: 'counter' | 'kiosk';
  recorded_at: string;
  prev_hash: string;
  hash: string;
  day: string;
  duplicate: boolean;
  received_at: Timestamp;
  /** Migration 0012: the row as its terminal hashed it (null on rows stored before), and the server's ticket it rates. */
  record: ColumnType<RatingRecord | null, string | null | undefined, string | null>;
  ticket_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A rating waiting for the server to hold its service as finished (migration 0012). */
export interface PendingRatingsTable {
  event_id: string;
  terminal_id: string;
  rating_id: string;
  service_id: string;
  recorded_at: Timestamp;
  received_at: Timestamp;
}

export interface RatingCasesTable {
  id: string;
  rating_id: string;
  state: CaseState;
  opened_at: Timestamp;
  filed_on: string;
  deadline: string;
  outcome: CaseOutcome | null;
  fix_by: string | null;
  escalated_at: Timestamp | null;
}

export interface RatingCaseStepsTable {
  seq: Identity;
  case_id: string;
  action: string;
  note: string | null;
  by_login: string | null;
  at: Timestamp;
}

export interface ComplaintsTable {
  id: string;
  tracking_code: string;
  terminal_id: string;
  kind: OpinionKind;
  text: string;
  prohibition: number | null;
  /** The full number: only the office role ever sees it. */
  phone: string | null;
  filed_at: string;
  filed_on: string;
  received_at: Timestamp;
  deadline: string;
  state: ComplaintState;
  department: string | null;
  response: string | null;
  feedback: string | null;
  escalated_at: Timestamp | null;
}

export interface ComplaintStepsTable {
  seq: Identity;
  complaint_id: string;
  action: string;
  note: string | null;
  by_login: string | null;
  department: string | null;
  at: Timestamp;
}

export interface SupervisionFeedTable {
  seq: Identity;
  kind: 'rating' | 'case' | 'complaint';
  ref: string;
  at: Timestamp;
}

export interface SupervisionSchema {
  staff_sessions: StaffSessionsTable;
  ratings: RatingsTable;
  pending_ratings: PendingRatingsTable;
  rating_cases: RatingCasesTable;
  rating_case_steps: RatingCaseStepsTable;
  complaints: ComplaintsTable;
  complaint_steps: ComplaintStepsTable;
  supervision_feed: SupervisionFeedTable;
}
