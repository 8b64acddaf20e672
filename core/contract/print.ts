import { z } from 'zod';
import { Lang } from './common.js';

/** What a slip printer is asked to print. Layouts in native/printer turn each kind into ESC/POS bytes. */
export const TicketSlip = z.strictObject({
  kind: z.literal('ticket'),
  lang: Lang,
  number: z.string().min(1).max(16),
  service: z.string().min(1),
  counterArea: z.string().min(1),
  ahead: z.number().int().min(0),
  issuedAt: z.iso.datetime({ offset: true }),
  /** Encoded as a QR code under the number: lets the visitor rate or check status later. */
  qr: z.string().min(1).max(300),
  /** Printed under the QR with a line saying what it is for (rating at a kiosk). */
  ratingCode: z.string().min(1).max(16).optional(),
  /** Set when the ticket was issued while the central server was unreachable. */
  offline: z.boolean().default(false),
});

export const CheckinSlip = z.strictObject({
  kind: z.literal('checkin'),
  lang: Lang,
  number: z.string().min(1).max(16),
  enterprise: z.string().min(1),
  matter: z.string().min(1),
  appointmentCode: z.string().min(1),
  slot: z.string().min(1),
  counterArea: z.string().min(1),
  ahead: z.number().int().min(0),
  issuedAt: z.iso.datetime({ offset: true }),
  qr: z.string().min(1).max(300),
  ratingCode: z.string().min(1).max(16).optional(),
});

export const ChecklistSlip = z.strictObject({
  kind: z.literal('checklist'),
  lang: Lang,
  procedureCode: z.string().min(1),
  procedureName: z.string().min(1),
  materials: z
    .array(z.strictObject({ name: z.string().min(1), originals: z.number().int().min(0), copies: z.number().int().min(0) }))
    .min(1),
  timeLimit: z.string().optional(),
  office: z.string().optional(),
  phone: z.string().optional(),
  printedAt: z.iso.datetime({ offset: true }),
  qr: z.string().min(1).max(300).optional(),
});

/** The opinion box's receipt (issue 5): the code the visitor uses to look up progress. */
export const TrackingSlip = z.strictObject({
  kind: z.literal('tracking'),
  lang: Lang,
  trackingCode: z.string().min(1),
  category: z.string().min(1),
  filedAt: z.iso.datetime({ offset: true }),
  deadline: z.string().optional(),
  lookupHint: z.string().optional(),
  qr: z.string().min(1).max(300),
});

export const Slip = z.discriminatedUnion('kind', [TicketSlip, CheckinSlip, ChecklistSlip, TrackingSlip]);
export type Slip = z.infer<typeof Slip>;
export type SlipInput = z.input<typeof Slip>;
export type SlipKind = Slip['kind'];

export const PrinterState = z.enum(['online', 'offline', 'paper-out', 'unknown']);
export type PrinterState = z.infer<typeof PrinterState>;

export const PrintJobState = z.enum(['queued', 'printing', 'done', 'failed']);
export type PrintJobState = z.infer<typeof PrintJobState>;

/** Why a print failed, as a stable code; screens translate it. */
export const PrintFailure = z.enum(['offline', 'timeout', 'disconnected', 'paper-out', 'unprintable']);
export type PrintFailure = z.infer<typeof PrintFailure>;

export const PrintJob = z.strictObject({
  id: z.string(),
  kind: z.enum(['ticket', 'checkin', 'checklist', 'tracking']),
  state: PrintJobState,
  attempts: z.number().int(),
  failure: PrintFailure.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;

export const PrinterStatus = z.strictObject({
  configured: z.boolean(),
  state: PrinterState,
  /** Jobs waiting or being retried. */
  pending: z.number().int(),
  lastFailure: PrintFailure.nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;
