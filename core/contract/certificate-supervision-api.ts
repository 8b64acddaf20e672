import { z } from 'zod';
import { FreeText } from './common.js';
import { CertificateDoc, Verdict } from './certificates.js';
import type { StaffRole } from './server-admin.js';

/**
 * Issue 13 on the central server: anyone may verify a certificate's QR text (no sign-in, limited per
 * client address), and the supervision pages' 证照 section (office, discipline inspection and the
 * supervisor). Hall dates and times are read in HALL_TIMEZONE; no ID number is ever answered.
 */

const CERTIFICATE_READERS = ['supervisor', 'office', 'inspector'] as const satisfies readonly StaffRole[];

/** Longest QR text accepted: the payload is about 330 characters; a page or a phone may add whitespace. */
export const VERIFY_PAYLOAD_MAX = 1000;
export const PublicVerifyRequest = z.object({ payload: FreeText.trim().min(1).max(VERIFY_PAYLOAD_MAX) });

/** Dates are hall dates, both ends included, at most 366 days apart (as the satisfaction view). */
export const CertificatePeriodQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

/** A certificate named on the pages: enough to find it, no holder code. */
export const CertificateRef = z.object({
  id: z.string(),
  number: z.string(),
  /** 证照名称, as printed (Chinese). */
  name: z.string(),
  template: z.string(),
  /** The catalog procedure: the pages show its name in their language. */
  procedureId: z.string(),
  /** The enterprise's name; a citizen holder's name masked (张*三). */
  holderName: z.string(),
});
export type CertificateRef = z.infer<typeof CertificateRef>;

export const WaitingCertificate = CertificateRef.extend({
  readySince: z.iso.datetime({ offset: true }),
  /** Hall days since it became ready. */
  days: z.int().min(0),
  delivery: CertificateDoc.shape.delivery,
});

export const CertificateReprintRow = CertificateRef.extend({
  reprintId: z.string(),
  reason: z.string(),
  counter: z.string(),
  clerk: z.string().nullable(),
  /** From the staff accounts; null when the clerk is unknown to the server. */
  clerkName: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});

/** A certificate handed over twice: the hand-over the server kept and the one it refused. */
export const HandoverConflictRow = CertificateRef.extend({
  conflictId: z.string(),
  first: z.object({ at: z.iso.datetime({ offset: true }), counter: z.string(), clerk: z.string().nullable(), clerkName: z.string().nullable() }).nullable(),
  second: z.object({ at: z.iso.datetime({ offset: true }), counter: z.string(), terminal: z.string() }),
});

export const CertificateOverview = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The hall's today, by the server's clock. */
  today: z.iso.date(),
  /** CERT_WAITING_DAYS: more hall days than this ready is too long. */
  waitingDays: z.int().min(0),
  /** Ready for pickup now (not handed over, mailed, revoked or superseded). */
  ready: z.int(),
  /** Ready now for more than `waitingDays` hall days, oldest first. */
  waiting: z.array(WaitingCertificate),
  /** Hand-overs (counter and kiosk) in the period. */
  handedOver: z.int(),
  /** Waybills posted, and deliveries signed for, in the period. */
  mailed: z.object({ posted: z.int(), delivered: z.int() }),
  /** Every reprint in the period, newest first. */
  reprints: z.array(CertificateReprintRow),
  /** Second hand-overs refused in the period, newest first. */
  conflicts: z.array(HandoverConflictRow),
});
export type CertificateOverview = z.infer<typeof CertificateOverview>;

export const IMMEDIATE_GROUPS = ['counter', 'clerk', 'type'] as const;
export const ImmediateQuery = CertificatePeriodQuery.extend({ by: z.enum(IMMEDIATE_GROUPS).default('counter') });

/** 马上办 seconds (arrival to hand-over) of one group; percentiles by nearest rank (core/common/percentile.ts). */
export const ImmediateRow = z.object({
  /** Counter number, clerk, or template id. */
  key: z.string(),
  /** The clerk's name for `clerk`; the certificate's name for `type`; else the key. */
  label: z.string(),
  /** For `type`: the procedure, so the page names it in its language. */
  procedureId: z.string().nullable(),
  count: z.int(),
  p50: z.int().nullable(),
  p95: z.int().nullable(),
});
export type ImmediateRow = z.infer<typeof ImmediateRow>;
export const ImmediateTimes = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  by: z.enum(IMMEDIATE_GROUPS),
  rows: z.array(ImmediateRow),
  total: ImmediateRow,
  /** Hand-overs in the period without an arrival (walk-ins without a ticket): not in the times. */
  untimed: z.int(),
});
export type ImmediateTimes = z.infer<typeof ImmediateTimes>;

const EmptyQuery = z.object({});

/** Staff routes of the 证照 section; merged into supervisionApi. */
export const certificateSupervisionApi = {
  certificateOverview: {
    method: 'GET',
    path: '/api/supervision/certificates',
    summary: 'Certificates ready now and waiting too long (CERT_WAITING_DAYS hall days), hand-overs and mail in a period, every reprint with its reason, and second hand-overs refused',
    signed: false,
    roles: CERTIFICATE_READERS,
    query: CertificatePeriodQuery,
    response: CertificateOverview,
  },
  immediateTimes: {
    method: 'GET',
    path: '/api/supervision/certificates/immediate',
    summary: '马上办 time (arrival to hand-over) p50 and p95 by counter, clerk or certificate type over a period',
    signed: false,
    roles: CERTIFICATE_READERS,
    query: ImmediateQuery,
    response: ImmediateTimes,
  },
} as const;

/** No sign-in: anyone holding a certificate's QR text may check it. */
export const publicCertificateApi = {
  verifyCertificatePublic: {
    method: 'POST',
    path: '/api/public/certificates/verify',
    summary:
      "Anyone: what a certificate's QR text proves (genuine, revoked, superseded, forged, unknown issuer, unreadable) with its public fields; no personal data. 429 TOO_MANY_ATTEMPTS with Retry-After after too many from one address",
    signed: false,
    query: EmptyQuery,
    body: PublicVerifyRequest,
    response: Verdict,
  },
} as const;
