import { z } from 'zod';
import { FreeText, Lang, LangQuery, Localized } from './common.js';
import { CertificateDoc, MailAddress, MailState, Recipient, Verdict } from './certificates.js';
import { A4Job, PrintJob } from './print.js';
import { Ulid } from './queue.js';

/** Terminal-service routes for certificates (issue 13): the counter's pickup desk and the kiosk's self-service; merged into `api`. */

/** One line of a search result: enough to tell certificates apart, no personal data. */
export const CertificateSummary = z.object({
  id: Ulid,
  name: z.string(),
  number: z.string(),
  holderName: z.string(),
  state: CertificateDoc.shape.state,
  delivery: CertificateDoc.shape.delivery,
  issuedOn: z.string(),
});

export const HandoverView = z.object({
  at: z.iso.datetime({ offset: true }),
  channel: z.enum(['counter', 'kiosk']),
  counter: z.string(),
  clerk: z.string().nullable(),
  recipientKind: z.enum(['self', 'proxy']),
  /** Masked (张*三). */
  recipientName: z.string(),
  /** Masked: the last four characters only. */
  recipientId: z.string(),
  /** 马上办: seconds from arrival (check-in or call) to hand-over; null when the visitor came without a ticket. */
  immediateSeconds: z.int().min(0).nullable(),
});

export const MailView = z.object({
  waybill: z.string(),
  /** Masked recipient and phone; province/city/county shown, street masked. */
  recipient: z.string(),
  phone: z.string(),
  place: z.string(),
  state: z.enum(['recorded', 'posted', 'delivered']),
  postedAt: z.iso.datetime({ offset: true }).nullable(),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
  signer: z.string().nullable(),
});

/** Everything the counter shows about one certificate. */
export const CertificateView = z.object({
  certificate: CertificateDoc.omit({ qr: true, phoneLast4: true }),
  medium: z.enum(['a4', 'slip']),
  selfService: z.boolean(),
  handover: HandoverView.nullable(),
  reprints: z.array(z.object({ at: z.iso.datetime({ offset: true }), reason: z.string(), counter: z.string(), clerk: z.string().nullable() })),
  mail: MailView.nullable(),
});

export const PrintedCertificate = z.object({
  view: CertificateView,
  /** The slip jobs queued (a slip certificate, the hand-over receipt). */
  jobs: z.array(PrintJob),
  /** The A4 job queued, for an A4 certificate. */
  a4Job: A4Job.nullable(),
});

/** An instant as the hall reads it: the day and clock time in the hall's zone, and the instant itself. */
export const HallTime = z.object({ at: z.iso.datetime({ offset: true }), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), time: z.string().regex(/^\d{2}:\d{2}$/) });

/** What a visitor may see of their certificate at the kiosk's progress lookup: no address, no phone, the signer masked. */
export const CertificateProgress = z.object({
  name: z.string(),
  number: z.string(),
  state: CertificateDoc.shape.state,
  delivery: CertificateDoc.shape.delivery,
  /** Where a ready one is collected: the pickup line and its counters. */
  pickup: z.object({ line: z.string(), lineName: Localized, counters: z.array(z.int()) }).nullable(),
  /** Where and when it was handed over ('kiosk' for the self-service kiosk). */
  handover: z.object({ channel: z.enum(['counter', 'kiosk']), counter: z.string(), at: HallTime }).nullable(),
  mail: z
    .object({
      /** null when another PC recorded the mail and only the server's "mailed" reached this one. */
      waybill: z.string().nullable(),
      state: MailView.shape.state,
      /** null when only the server's "mailed" reached this terminal, without when. */
      recordedAt: HallTime.nullable(),
      postedAt: HallTime.nullable(),
      deliveredAt: HallTime.nullable(),
      /** Masked (张*). */
      signer: z.string().nullable(),
    })
    .nullable(),
  revoked: CertificateDoc.shape.revoked,
});

const CertificateParams = z.object({ id: Ulid });
/** A kiosk visitor proves the certificate is theirs: the pickup code and the phone's last four, or the SMS QR. */
const KioskProof = z.union([
  z.object({ pickupCode: FreeText.trim().toUpperCase().min(1).max(16), phoneLast4: z.string().regex(/^\d{4}$/), lang: Lang.default('zh-CN') }),
  z.object({ qr: FreeText.trim().min(1).max(400), lang: Lang.default('zh-CN') }),
]);

export const certificateApi = {
  findCertificates: {
    method: 'GET',
    path: '/api/certificates',
    summary: 'Certificates of this hall by ticket number, pickup code, enterprise name, credit code or a scanned QR',
    query: z.object({ q: FreeText.trim().min(1).max(400) }),
    response: z.object({ certificates: z.array(CertificateSummary) }),
    staff: true,
  },
  getCertificate: {
    method: 'GET',
    path: '/api/certificates/:id',
    summary: 'One certificate with its hand-over, reprints and mail',
    params: CertificateParams,
    query: LangQuery,
    response: CertificateView,
    staff: true,
  },
  handOverCertificate: {
    method: 'POST',
    path: '/api/certificates/:id/handover',
    summary: 'Record who collects, print the certificate and the hand-over receipt, offer the rating screen',
    params: CertificateParams,
    body: z.object({ recipient: Recipient, ticketId: Ulid.nullable().default(null), lang: Lang.default('zh-CN') }),
    response: PrintedCertificate,
    staff: true,
  },
  reprintCertificate: {
    method: 'POST',
    path: '/api/certificates/:id/reprint',
    summary: 'Print a handed-over certificate again (补打), with a reason; the print carries a reprint mark',
    params: CertificateParams,
    body: z.object({ reason: FreeText.trim().min(2).max(200), lang: Lang.default('zh-CN') }),
    response: PrintedCertificate,
    staff: true,
  },
  mailCertificate: {
    method: 'POST',
    path: '/api/certificates/:id/mail',
    summary: 'Record the EMS waybill of a certificate sent by mail',
    params: CertificateParams,
    body: MailAddress,
    response: CertificateView,
    staff: true,
  },
  mailState: {
    method: 'POST',
    path: '/api/certificates/:id/mail-state',
    summary: 'Record that a mailed certificate was posted, or delivered (with who signed for it)',
    params: CertificateParams,
    body: MailState,
    response: CertificateView,
    staff: true,
  },
  electronicLink: {
    method: 'POST',
    path: '/api/certificates/:id/electronic-link',
    summary: "A short-lived signed link to the certificate's PDF on the central server, for the counter to show as a QR",
    params: CertificateParams,
    body: z.object({}),
    response: z.object({ url: z.string().url(), expiresAt: z.iso.datetime({ offset: true }) }),
    staff: true,
  },
  kioskPrintCertificate: {
    method: 'POST',
    path: '/api/kiosk/certificates/print',
    summary: 'A visitor prints a self-service certificate at the kiosk (pickup code and phone digits, or the SMS QR); attempts are limited',
    body: KioskProof,
    response: z.object({ name: z.string(), number: z.string(), jobs: z.array(PrintJob) }),
  },
  trackCertificate: {
    method: 'GET',
    path: '/api/certificates/track',
    summary: "A visitor follows their certificate at the kiosk (pickup code and the phone's last four): ready at which counter, handed over, or mailed and delivered; attempts are limited as for the kiosk's self-print",
    query: z.object({ code: FreeText.trim().toUpperCase().min(1).max(40), last4: z.string().regex(/^\d{4}$/) }),
    response: CertificateProgress,
  },
  verifyCertificate: {
    method: 'POST',
    path: '/api/certificates/verify',
    summary: "Verify a certificate's QR offline: genuine, revoked, superseded, forged or unknown issuer",
    body: z.object({ payload: FreeText.trim().min(1).max(1000) }),
    response: Verdict,
  },
} as const;
