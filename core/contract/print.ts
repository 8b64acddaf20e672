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

/** A receipt-type certificate (e.g. 单用途商业预付卡备案回执) printed whole on the slip printer, its signed QR under it. */
export const CertificateSlip = z.strictObject({
  kind: z.literal('certificate'),
  lang: Lang,
  name: z.string().min(1),
  number: z.string().min(1),
  identifier: z.string().min(1),
  holderName: z.string().min(1),
  holderCode: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: z.string().min(1),
  validity: z.string().min(1),
  /** The template's own fields, label and value, in its order. */
  fields: z.array(z.strictObject({ label: z.string().min(1), value: z.string() })),
  qr: z.string().min(1).max(400),
  /** 补打: printed again, with the reason; the slip carries a visible reprint mark. */
  reprint: z.strictObject({ reason: z.string().min(1), at: z.iso.datetime({ offset: true }) }).nullable().default(null),
  printedAt: z.iso.datetime({ offset: true }),
});

/** The hand-over receipt (领证回执) the visitor signs: what was handed to whom (ID masked), where and when. */
export const HandoverReceiptSlip = z.strictObject({
  kind: z.literal('handover-receipt'),
  lang: Lang,
  certificateName: z.string().min(1),
  number: z.string().min(1),
  identifier: z.string().min(1),
  holderName: z.string().min(1),
  recipientKind: z.enum(['self', 'proxy']),
  /** Masked for print (张*三). */
  recipientName: z.string().min(1),
  /** Masked: only the last four characters shown. */
  recipientId: z.string().min(1),
  counter: z.string().min(1),
  clerk: z.string().min(1),
  handedOverAt: z.iso.datetime({ offset: true }),
  /** Verifies the certificate (its signed QR). */
  qr: z.string().min(1).max(400),
});

export const Slip = z.discriminatedUnion('kind', [TicketSlip, CheckinSlip, ChecklistSlip, TrackingSlip, CertificateSlip, HandoverReceiptSlip]);
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
  kind: z.enum(['ticket', 'checkin', 'checklist', 'tracking', 'certificate', 'handover-receipt']),
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

/** What the counter's A4 printer (IPP) is asked to print: a certificate, rendered at print time from the terminal's record. */
export const A4Document = z.strictObject({
  kind: z.literal('certificate'),
  certificateId: z.string().min(1),
  lang: Lang,
  reprint: z.strictObject({ reason: z.string().min(1), at: z.iso.datetime({ offset: true }) }).nullable().default(null),
});
export type A4Document = z.infer<typeof A4Document>;

/** A job on the A4 printer: like a slip job, kept with its state and, when it failed, the printer's reason. */
export const A4Job = z.strictObject({
  id: z.string(),
  document: A4Document,
  state: PrintJobState,
  attempts: z.int().min(0),
  /** The IPP status or the connection error, as the printer gave it (e.g. "client-error-not-found", "ECONNREFUSED"). */
  failure: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type A4Job = z.infer<typeof A4Job>;
