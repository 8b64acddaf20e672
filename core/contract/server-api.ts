import { z } from 'zod';
import type { RouteDef } from './api.js';
import { FreeText } from './common.js';
import { TERMINAL_ROLES, TerminalRecord, TerminalRole, type StaffRole } from './server-admin.js';
import { ChangesGone, ChangesQuery, ChangesResponse } from './server-sync.js';
import { serverCertificateApi } from './server-certificates.js';
import { serverQueueApi } from './server-queue.js';
import { serverRatingHolderApi } from './server-rating-holder.js';
import { serverOpinionApi, supervisionApi } from './supervision-api.js';
import { publicCertificateApi } from './certificate-supervision-api.js';

/**
 * The central server's API. `signed: true` routes need the headers of server-auth.ts and name the
 * terminal roles that may call them (`terminalRoles`): any other enrolled terminal gets 403
 * TERMINAL_ROLE_FORBIDDEN before its input is read.
 */
export type ServerRouteDef = ServerRouteBase & ({ signed: true; terminalRoles: readonly TerminalRole[] } | { signed: false; terminalRoles?: undefined });

interface ServerRouteBase extends RouteDef {
  /** An answer of this shape is sent with status 410 Gone instead of 200. */
  gone?: z.ZodType;
  /** Staff routes: the roles whose bearer token may call it (supervision-api.ts). */
  roles?: readonly StaffRole[];
  /**
   * Counter routes: the clerk's counter session (CLERK_SESSION_HEADER) is resolved before the handler
   * runs; 'required' refuses a request without one, 'optional' hands the handler null (offline-made).
   */
  clerk?: 'optional' | 'required';
  /** The business systems' route: `Authorization: Bearer <INTEGRATION_TOKEN>`, compared in constant time. */
  integration?: true;
}

/** Raw 32-byte Ed25519 public key, base64 (standard or URL alphabet). */
export const Ed25519PublicKey = z.string().regex(/^[A-Za-z0-9+/_-]{43}=?$/);

export const EnrollRequest = z.object({
  code: FreeText.trim().min(4).max(32),
  publicKey: Ed25519PublicKey,
  deviceId: FreeText.min(1).max(64),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  terminalId: z.string(),
  name: z.string(),
  hall: z.string(),
  roles: z.array(TerminalRole),
  /** Put before the numbers of tickets this terminal issues while the server is unreachable (T3-A005). */
  ticketPrefix: z.string().regex(/^[A-Z][0-9]{1,3}$/).optional(),
  /** Milliseconds since the epoch by the server's clock. */
  serverTime: z.number().int(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const TerminalMe = z.object({ terminal: TerminalRecord, serverTime: z.number().int() });
export type TerminalMe = z.infer<typeof TerminalMe>;

/** What a terminal reports about itself on every heartbeat; shown in `terminal list`. */
export const HeartbeatRequest = z.object({
  version: FreeText.min(1).max(40),
  outboxPending: z.int().min(0),
  /** The terminal's own estimate of (server clock - its clock), in ms. */
  clockOffsetMs: z.int().nullable(),
  /** Events the server refused (4xx), kept on the terminal for staff. */
  deadLetters: z.int().min(0).default(0),
  /** When the terminal last completed an upload or download. */
  lastSyncAt: z.iso.datetime().nullable().default(null),
  /** The last row of the terminal's rating chain the server acknowledged; null before any (and from older terminals). */
  ratingChainHead: z
    .object({ seq: z.int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .default(null),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;

export const HeartbeatResponse = z.object({ serverTime: z.number().int() });

/** Most events one upload may carry; the server's body limit is sized for it. */
export const UPLOAD_MAX_EVENTS = 500;
/** Largest serialized payload of one event, in characters. */
export const UPLOAD_MAX_PAYLOAD_CHARS = 16_384;
/** The server's request body limit; a terminal keeps each upload under half of it. */
export const SERVER_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** One outbox event as a terminal uploads it (DESIGN.md §5). */
export const UploadEvent = z.object({
  deviceSeq: z.int().min(1),
  eventId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a ULID'),
  type: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'not an event type'),
  payload: z.json().refine((p) => JSON.stringify(p).length <= UPLOAD_MAX_PAYLOAD_CHARS, 'payload too large'),
  createdAt: z.iso.datetime({ offset: true }),
});
export type UploadEvent = z.infer<typeof UploadEvent>;

export const UploadRequest = z.object({
  events: z.array(UploadEvent).max(UPLOAD_MAX_EVENTS),
  /** Seqs the terminal dead-lettered: they will never come, so they do not hold the acknowledgement back. */
  skipped: z.array(z.int().min(1)).max(UPLOAD_MAX_EVENTS).default([]),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

/** The server could not store this event (a value its database refuses); nothing else of the batch is held up. */
export const EVENT_UNSTORABLE = 'EVENT_UNSTORABLE';

/** An event of the batch the server set aside for a reason of its own; the terminal dead-letters it. */
export const RefusedEvent = z.object({
  deviceSeq: z.int().min(1),
  /** EVENT_UNSTORABLE, EVENT_NOT_PRODUCED (event-producers.ts); a string, so a code added later does not make the whole answer unreadable. */
  code: z.string(),
  /** The database's code and message, never the event's content. */
  reason: z.string(),
});
export type RefusedEvent = z.infer<typeof RefusedEvent>;

/**
 * Every event of this terminal with device_seq ≤ ackedThrough is stored (or was skipped) on the
 * server. `refused` events are not stored: the terminal dead-letters them and sends their seqs as
 * `skipped`, so the acknowledgement moves past them; the rest of the batch was stored as usual.
 */
export const UploadResponse = z.object({ ackedThrough: z.int().min(0), refused: z.array(RefusedEvent).default([]) });
export type UploadResponse = z.infer<typeof UploadResponse>;

const EmptyQuery = z.object({});

export const serverApi = {
  enroll: {
    method: 'POST',
    path: '/api/enroll',
    summary: 'Enroll a terminal with its one-time code and its Ed25519 public key; 429 TOO_MANY_ATTEMPTS with Retry-After after too many refused codes from one address',
    signed: false,
    query: EmptyQuery,
    body: EnrollRequest,
    response: EnrollResponse,
  },
  terminalMe: {
    method: 'GET',
    path: '/api/terminal/me',
    summary: "The calling terminal's own record (signed); records that it was seen",
    signed: true,
    terminalRoles: TERMINAL_ROLES,
    query: EmptyQuery,
    response: TerminalMe,
  },
  heartbeat: {
    method: 'POST',
    path: '/api/terminal/heartbeat',
    summary: "The terminal's version, outbox backlog and clock offset (signed)",
    signed: true,
    terminalRoles: TERMINAL_ROLES,
    query: EmptyQuery,
    body: HeartbeatRequest,
    response: HeartbeatResponse,
  },
  uploadEvents: {
    method: 'POST',
    path: '/api/sync/events',
    summary: "Upload a batch of the terminal's outbox events (signed); idempotent, answers the cumulative acknowledgement",
    signed: true,
    terminalRoles: TERMINAL_ROLES,
    query: EmptyQuery,
    body: UploadRequest,
    response: UploadResponse,
  },
  changes: {
    method: 'GET',
    path: '/api/sync/changes',
    summary: 'Server-side changes after the cursor, oldest first (signed); 410 with a snapshot when the cursor is too old',
    signed: true,
    terminalRoles: TERMINAL_ROLES,
    query: ChangesQuery,
    response: ChangesResponse,
    gone: ChangesGone,
  },
  ...serverQueueApi,
  ...serverRatingHolderApi,
  ...serverOpinionApi,
  ...supervisionApi,
  ...publicCertificateApi,
  ...serverCertificateApi,
} as const satisfies Record<string, ServerRouteDef>;

export type ServerApi = typeof serverApi;
export type ServerRouteName = keyof ServerApi;
