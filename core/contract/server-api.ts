import { z } from 'zod';
import type { RouteDef } from './api.js';
import { TerminalRecord, TerminalRole } from './server-admin.js';

/** The central server's API. `signed: true` routes need the headers of server-auth.ts. */
export interface ServerRouteDef extends RouteDef {
  signed: boolean;
}

/** Raw 32-byte Ed25519 public key, base64 (standard or URL alphabet). */
export const Ed25519PublicKey = z.string().regex(/^[A-Za-z0-9+/_-]{43}=?$/);

export const EnrollRequest = z.object({
  code: z.string().trim().min(4).max(32),
  publicKey: Ed25519PublicKey,
  deviceId: z.string().min(1).max(64),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  terminalId: z.string(),
  name: z.string(),
  hall: z.string(),
  roles: z.array(TerminalRole),
  /** Milliseconds since the epoch by the server's clock. */
  serverTime: z.number().int(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const TerminalMe = z.object({ terminal: TerminalRecord, serverTime: z.number().int() });
export type TerminalMe = z.infer<typeof TerminalMe>;

/** What a terminal reports about itself on every heartbeat; shown in `terminal list`. */
export const HeartbeatRequest = z.object({
  version: z.string().min(1).max(40),
  outboxPending: z.int().min(0),
  /** The terminal's own estimate of (server clock - its clock), in ms. */
  clockOffsetMs: z.int().nullable(),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;

export const HeartbeatResponse = z.object({ serverTime: z.number().int() });

const EmptyQuery = z.object({});

export const serverApi = {
  enroll: {
    method: 'POST',
    path: '/api/enroll',
    summary: 'Enroll a terminal with its one-time code and its Ed25519 public key',
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
    query: EmptyQuery,
    response: TerminalMe,
  },
  heartbeat: {
    method: 'POST',
    path: '/api/terminal/heartbeat',
    summary: "The terminal's version, outbox backlog and clock offset (signed)",
    signed: true,
    query: EmptyQuery,
    body: HeartbeatRequest,
    response: HeartbeatResponse,
  },
} as const satisfies Record<string, ServerRouteDef>;

export type ServerApi = typeof serverApi;
export type ServerRouteName = keyof ServerApi;
