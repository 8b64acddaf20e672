import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TEMPLATE_DIR } from '../core/documents/templates.js';
import type { TerminalRetention } from '../core/retention/purge.js';

/** The nearest folder above `start` holding package.json: the repo root from source and from the compiled dist-electron/ alike. */
function packageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export const ROOT = packageRoot(resolve(fileURLToPath(new URL('..', import.meta.url))));

export interface TerminalConfig {
  host: string;
  port: number;
  dataDir: string;
  role: 'kiosk' | 'counter' | 'rating' | 'hall';
  idleSeconds: number;
  countdownSeconds: number;
  catalogFile: string;
  rendererDir: string;
  /** Slip printer URI (tcp://, serial:, file:, preview:); null: no printer, tickets are shown on screen. */
  printer: string | null;
  /** The counter's A4 printer, an IPP URI (ipp://host:631/printers/NAME, ipps://, http(s)://); null: none, certificates print on slips only. */
  a4Printer: string | null;
  /** Serial QR/barcode scanner URI; null: keyboard-wedge scanners only. */
  scanner: string | null;
  /** The hall's time zone: tickets are numbered per day in it. */
  timeZone: string;
  /** The hall's lines and counters until the central server sends them. */
  hallConfigFile: string;
  /** Staff are told when this terminal's clock is further than this from the server's. */
  clockBoundMs: number;
  /** How long the rating screen waits for the visitor before the service is recorded as not rated. */
  ratingSeconds: number;
  /** How long visitors' data is kept here (uploaded events lose theirs at once); purged hourly. */
  retention: TerminalRetention;
  /** A counter sign-in ends after this long without a request (and always with the hall's day). */
  counterIdleMs: number;
  /** The certificate types (assets/certificates/<id>.json): medium, self-service, fields. */
  certificateTemplates: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

function timeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    throw new Error(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${tz}"`);
  }
}

function a4Printer(value: string | undefined): string | null {
  const uri = value?.trim();
  if (!uri) return null;
  if (!/^(ipps?|https?):\/\/[^/\s]+\/\S*$/.test(uri)) throw new Error(`A4_PRINTER must be an IPP printer URI such as ipp://localhost:631/printers/NAME, got "${uri}"`);
  return uri;
}

/** Configuration from the environment; see README.md "Configuration". */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TerminalConfig {
  const role = env.ROLE ?? 'kiosk';
  if (!['kiosk', 'counter', 'rating', 'hall'].includes(role)) throw new Error(`ROLE must be kiosk, counter, rating or hall, got "${role}"`);
  const idleSeconds = int(env.IDLE_SECONDS, 60, 'IDLE_SECONDS');
  if (idleSeconds < 5) throw new Error('IDLE_SECONDS must be at least 5');
  const ratingSeconds = int(env.RATING_SECONDS, 120, 'RATING_SECONDS');
  if (ratingSeconds < 10) throw new Error('RATING_SECONDS must be at least 10');
  if (env.COUNTER_IDLE_MINUTES === '0') throw new Error('COUNTER_IDLE_MINUTES must be at least 1');
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 4780, 'PORT'),
    dataDir: resolve(env.DATA_DIR ?? resolve(ROOT, 'data')),
    role: role as TerminalConfig['role'],
    idleSeconds,
    countdownSeconds: Math.min(10, idleSeconds - 1),
    catalogFile: resolve(env.CATALOG_FILE ?? resolve(ROOT, 'assets/catalog/commerce.json')),
    rendererDir: resolve(env.RENDERER_DIR ?? resolve(ROOT, 'dist/renderer')),
    printer: env.PRINTER?.trim() || null,
    a4Printer: a4Printer(env.A4_PRINTER),
    scanner: env.SCANNER?.trim() || null,
    timeZone: timeZone(env.TIME_ZONE ?? 'Asia/Shanghai'),
    hallConfigFile: resolve(env.HALL_CONFIG_FILE ?? resolve(ROOT, 'assets/hall/default.json')),
    clockBoundMs: int(env.CLOCK_BOUND_SECONDS, 60, 'CLOCK_BOUND_SECONDS') * 1000,
    ratingSeconds,
    retention: {
      appointmentDays: int(env.APPOINTMENT_RETENTION_DAYS, 1, 'APPOINTMENT_RETENTION_DAYS'),
      ticketDays: int(env.TICKET_RETENTION_DAYS, 7, 'TICKET_RETENTION_DAYS'),
      opinionDays: int(env.OPINION_RETENTION_DAYS, 90, 'OPINION_RETENTION_DAYS'),
      certificateDays: int(env.CERTIFICATE_RETENTION_DAYS, 180, 'CERTIFICATE_RETENTION_DAYS'),
    },
    certificateTemplates: resolve(env.CERTIFICATE_TEMPLATES ?? DEFAULT_TEMPLATE_DIR),
    counterIdleMs: int(env.COUNTER_IDLE_MINUTES, 30, 'COUNTER_IDLE_MINUTES') * 60_000,
  };
}
