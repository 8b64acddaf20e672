import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbTarget } from './db/connection.js';

export const SERVER_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  db: DbTarget;
  /**
   * CATALOG_FILE: a catalog this server imports at start when it holds none or the file changed (the
   * embedded office passes its seed). Unset: the catalog comes only from `server:admin catalog import`.
   */
  catalogFile?: string;
  /** How long a one-time enrollment code stays valid. */
  enrollCodeTtlMs: number;
  /** A signed request's timestamp may differ from the server's clock by at most this much. */
  signatureWindowMs: number;
  /** IANA time zone of the halls: ticket numbers start again at 001 at its midnight. */
  hallTimeZone: string;
  /**
   * When the hall's queue day closes (HH:MM, hall time): what still waits or is parked becomes "not
   * served today". 00:00 is the midnight that ends the day.
   */
  queueCloseOut: string;
  /** How long a staff member's sign-in on the server lasts. */
  staffSessionTtlMs: number;
  /** A bad rating's follow-up case is due this many working days after the day it was filed. */
  caseDeadlineWorkingDays: number;
  /** A complaint (any opinion) must be answered this many working days after the day it was filed. */
  complaintDeadlineWorkingDays: number;
  /** Holidays and make-up working days (调休), JSON; see assets/calendar/. */
  holidaysFile: string;
  /** CERT_WAITING_DAYS: a certificate ready for pickup more hall days than this has waited too long (supervision). */
  certificateWaitingDays: number;
  /** Changes of the download feed are kept this many days, then pruned (a terminal further behind gets a snapshot); 0 keeps them all. */
  changeRetentionDays: number;
  /** Failures allowed within `windowMs` before further tries are refused with 429; 0 means no limit. */
  attemptLimits: AttemptLimitsConfig;
  /** HTTPS with this pair (TLS_CERT_FILE / TLS_KEY_FILE, or TLS_SELF_SIGNED); null: plain HTTP. */
  tls: TlsConfig | null;
  /** How long visitors' personal data is kept, per kind (server/retention/purge.ts); purged hourly. */
  retention: ServerRetention;
  /** Certificates (issue 13): templates, the integration route's token, the electronic links. */
  certificates: CertificateConfig;
  /** Milliseconds since the epoch; replaced in tests. */
  now: () => number;
}

export interface CertificateConfig {
  /** CERTIFICATE_TEMPLATES: the certificate types (one `<id>.json` each); assets/certificates by default. */
  templatesDir: string;
  /** INTEGRATION_TOKEN: the business systems' bearer token for POST /api/integration/certificates; null: the route answers 404. */
  integrationToken: string | null;
  /** E_LINK_MINUTES: how long an electronic certificate's download link works. */
  eLinkMinutes: number;
  /** E_LINK_SECRET: the key the links are signed with; unset: one made on first use in DATA_DIR/e-link.key. */
  eLinkSecret: string | null;
  /** PUBLIC_URL: where visitors' phones reach this server (the links point there). */
  publicUrl: string;
  /** CERTIFICATE_KEY_ISSUER: who signs, as the verifying keys name it. */
  keyIssuer: string;
}

export interface TlsConfig {
  certFile: string;
  keyFile: string;
  /** Made on first run (a self-signed pair in DATA_DIR/tls) when neither file exists. */
  selfSigned: boolean;
}

function tlsConfig(env: NodeJS.ProcessEnv, dataDir: string): TlsConfig | null {
  const cert = env.TLS_CERT_FILE?.trim();
  const key = env.TLS_KEY_FILE?.trim();
  if (!cert !== !key) throw new Error('TLS_CERT_FILE and TLS_KEY_FILE go together: set both, or neither');
  if (cert && key) return { certFile: resolve(cert), keyFile: resolve(key), selfSigned: false };
  const self = env.TLS_SELF_SIGNED?.trim();
  if (self && !['1', 'true', '0', 'false'].includes(self)) throw new Error(`TLS_SELF_SIGNED must be true or false, got "${self}"`);
  if (self !== '1' && self !== 'true') return null;
  return { certFile: resolve(dataDir, 'tls/server.crt'), keyFile: resolve(dataDir, 'tls/server.key'), selfSigned: true };
}

/** How long the server keeps visitors' personal data (server/README.md "Configuration"); purged by server/retention/purge.ts. */
export interface ServerRetention {
  /** A closed complaint's text and full phone, this many days after the day it was closed. */
  complaintDays: number;
  /** An appointment's full phone (the contact for a return visit), this many days after its day. */
  appointmentPhoneDays: number;
  /** Who collected a certificate (name, ID's last four), the mail's recipient and the holder's phone, this many days after the hand-over or mailing. */
  certificateDays: number;
}

export interface AttemptLimitsConfig {
  windowMs: number;
  /** Failed staff sign-ins per login from one client address: a stranger elsewhere cannot lock the clerk out. */
  loginPerLoginAddress: number;
  /** Failed staff sign-ins per client address, whatever the login (the looser bound on a spray). */
  loginPerAddress: number;
  /** Refused enrollment codes per client address. */
  enrollPerAddress: number;
  /** Refused integration tokens per client address. */
  integrationPerAddress: number;
}

function timeZone(value: string | undefined): string {
  const tz = value?.trim() || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new Error(`HALL_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got "${tz}"`);
  }
  return tz;
}

function clockTime(value: string | undefined, fallback: string, name: string): string {
  const v = value?.trim() || fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) throw new Error(`${name} must be a time of day such as 18:00, got "${v}"`);
  return v;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

/** Configuration from the environment; see server/README.md. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.DATA_DIR ?? resolve(SERVER_ROOT, 'data/server'));
  const url = env.DATABASE_URL?.trim();
  return {
    host: env.HOST ?? '0.0.0.0',
    port: int(env.PORT, 4800, 'PORT'),
    dataDir,
    ...(env.CATALOG_FILE?.trim() ? { catalogFile: resolve(env.CATALOG_FILE.trim()) } : {}),
    db: url ? { kind: 'postgres', url } : { kind: 'pglite', dir: resolve(dataDir, 'pgdata') },
    enrollCodeTtlMs: int(env.ENROLL_CODE_TTL_HOURS, 24, 'ENROLL_CODE_TTL_HOURS') * 3_600_000,
    signatureWindowMs: int(env.SIGNATURE_WINDOW_SECONDS, 300, 'SIGNATURE_WINDOW_SECONDS') * 1000,
    hallTimeZone: timeZone(env.HALL_TIMEZONE),
    queueCloseOut: clockTime(env.QUEUE_CLOSE_OUT, '00:00', 'QUEUE_CLOSE_OUT'),
    staffSessionTtlMs: int(env.STAFF_SESSION_HOURS, 12, 'STAFF_SESSION_HOURS') * 3_600_000,
    caseDeadlineWorkingDays: int(env.CASE_DEADLINE_WORKING_DAYS, 15, 'CASE_DEADLINE_WORKING_DAYS'),
    complaintDeadlineWorkingDays: int(env.COMPLAINT_DEADLINE_WORKING_DAYS, 15, 'COMPLAINT_DEADLINE_WORKING_DAYS'),
    holidaysFile: resolve(SERVER_ROOT, env.HOLIDAYS_FILE?.trim() || 'assets/calendar/cn-2026.json'),
    certificateWaitingDays: int(env.CERT_WAITING_DAYS, 10, 'CERT_WAITING_DAYS'),
    changeRetentionDays: int(env.CHANGE_RETENTION_DAYS, 30, 'CHANGE_RETENTION_DAYS'),
    attemptLimits: {
      windowMs: int(env.ATTEMPT_WINDOW_MINUTES, 15, 'ATTEMPT_WINDOW_MINUTES') * 60_000,
      loginPerLoginAddress: int(env.LOGIN_FAILURES_PER_LOGIN_ADDRESS, 5, 'LOGIN_FAILURES_PER_LOGIN_ADDRESS'),
      loginPerAddress: int(env.LOGIN_FAILURES_PER_ADDRESS, 20, 'LOGIN_FAILURES_PER_ADDRESS'),
      enrollPerAddress: int(env.ENROLL_FAILURES_PER_ADDRESS, 10, 'ENROLL_FAILURES_PER_ADDRESS'),
      integrationPerAddress: int(env.INTEGRATION_FAILURES_PER_ADDRESS, 10, 'INTEGRATION_FAILURES_PER_ADDRESS'),
    },
    tls: tlsConfig(env, dataDir),
    retention: {
      complaintDays: int(env.COMPLAINT_RETENTION_DAYS, 180, 'COMPLAINT_RETENTION_DAYS'),
      appointmentPhoneDays: int(env.APPOINTMENT_PHONE_RETENTION_DAYS, 30, 'APPOINTMENT_PHONE_RETENTION_DAYS'),
      certificateDays: int(env.CERTIFICATE_RETENTION_DAYS, 180, 'CERTIFICATE_RETENTION_DAYS'),
    },
    certificates: {
      templatesDir: env.CERTIFICATE_TEMPLATES?.trim() ? resolve(env.CERTIFICATE_TEMPLATES.trim()) : resolve(SERVER_ROOT, 'assets/certificates'),
      integrationToken: env.INTEGRATION_TOKEN?.trim() || null,
      eLinkMinutes: Math.max(1, int(env.E_LINK_MINUTES, 15, 'E_LINK_MINUTES')),
      eLinkSecret: env.E_LINK_SECRET?.trim() || null,
      publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${int(env.PORT, 4800, 'PORT')}`).replace(/\/+$/, ''),
      keyIssuer: env.CERTIFICATE_KEY_ISSUER?.trim() || '政务服务中心',
    },
    now: Date.now,
  };
}
