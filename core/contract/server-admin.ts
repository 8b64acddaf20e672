import { z } from 'zod';
import { FreeText } from './common.js';

/** Shapes of the central server's own records: terminals and staff. */

export const TERMINAL_ROLES = ['kiosk', 'counter', 'rating', 'hall'] as const;
export const TerminalRole = z.enum(TERMINAL_ROLES);
export type TerminalRole = z.infer<typeof TerminalRole>;

/** office: reviews complaints and calls back; department: answers what it is assigned; inspector: discipline inspection (纪委). */
export const STAFF_ROLES = ['clerk', 'supervisor', 'admin', 'office', 'department', 'inspector'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const TerminalName = FreeText.trim().min(1).max(80);
export const HallCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/);

export const NewTerminal = z.object({
  name: TerminalName,
  hall: HallCode,
  roles: z.array(TerminalRole).min(1).max(TERMINAL_ROLES.length),
});
export type NewTerminal = z.infer<typeof NewTerminal>;

export const TerminalRecord = z.object({
  id: z.string(),
  name: z.string(),
  hall: z.string(),
  roles: z.array(TerminalRole),
  deviceId: z.string().nullable(),
  enrolledAt: z.iso.datetime().nullable(),
  disabledAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  /** As of the last heartbeat. */
  version: z.string().nullable(),
  outboxPending: z.number().int().nullable(),
  clockOffsetMs: z.number().int().nullable(),
  deadLetters: z.number().int().nullable().default(null),
  lastSyncAt: z.iso.datetime().nullable().default(null),
  ticketPrefix: z.string().nullable().default(null),
});
export type TerminalRecord = z.infer<typeof TerminalRecord>;

export const NewStaff = z.object({
  login: z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{1,31}$/),
  /** The display name visitors see, in Chinese (王芳). */
  name: FreeText.trim().min(1).max(80),
  /** Its Latin form for the en and ru screens (Wang Fang); none: those screens show `name`. */
  latinName: FreeText.trim().min(1).max(80).nullable().optional(),
  number: z.string().trim().regex(/^[A-Za-z0-9-]{1,32}$/),
  role: StaffRole,
  /** The hall a clerk serves: only clerks of a hall sign in at its counters (other roles serve none). */
  hall: HallCode.nullable().optional(),
});
export type NewStaff = z.infer<typeof NewStaff>;

/** At least 10 characters: staff sign in on shared counter PCs. */
export const StaffPassword = z.string().min(10).max(256);
