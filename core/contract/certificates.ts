import { z } from 'zod';
import { FreeText, IsoDate } from './common.js';
import { Phone, Ulid } from './queue.js';

/**
 * Certificates (证照, issue 13): issued by the department's systems, imported on the central server,
 * synced down to their hall's terminals, handed over at a counter or printed at a kiosk, mailed or
 * delivered electronically, and verifiable offline by their signed QR.
 */

/** GB/T 36903 holder code types: 001 统一社会信用代码, 111 公民身份号码. */
export const HolderCodeType = z.enum(['001', '111']);
export const DeliveryChoice = z.enum(['on_spot', 'appointment', 'mail', 'electronic']);
export const CertificateState = z.enum(['ready', 'handed_over', 'mailed', 'revoked', 'superseded']);
export const PickupCode = z.string().regex(/^[23456789ACDEFHJKMNPRTUVWXY]{8}$/, 'not a pickup code');
export const PICKUP_QR_PREFIX = 'HALL-PICKUP:';
/** The hall's pickup line (assets/hall/default.json: 证照领取与综合咨询), where a ready certificate is collected. */
export const PICKUP_LINE = 'E';

/**
 * A certificate type and its layout, as data (assets/certificates/<id>.json): which procedure's result
 * it is, which printer it goes to, whether a visitor may print it at a kiosk, its own fields and where
 * each is drawn. Templates are data; the document builders read them.
 */
export const TemplateField = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1), ru: z.string().min(1) }),
  required: z.boolean().default(true),
});
export const CertificateTemplate = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  /** 证照名称, as printed. */
  name: z.string().min(1),
  /** The catalog procedure whose result document this is. */
  procedureId: z.string().min(1),
  /** 'a4' on the counter's IPP printer; 'slip' (receipt-type, e.g. 备案回执) on the ESC/POS printer. */
  medium: z.enum(['a4', 'slip']),
  /** A visitor may print it at a kiosk with the pickup code and the phone's last four digits. */
  selfService: z.boolean().default(false),
  fields: z.array(TemplateField),
  /** Layout hints for the builder (A4: title size, order of blocks; slip: none). Free-form, validated by the builder. */
  layout: z.record(z.string(), z.unknown()).default({}),
});
export type CertificateTemplate = z.infer<typeof CertificateTemplate>;

/** A certificate as it comes from the business systems (import file or integration route). */
export const CertificateInput = z.strictObject({
  template: z.string().min(1),
  hall: z.string().min(1),
  typeCode: z.string().regex(/^[0-9A-Z]{18}\d{3}$/, 'not a certificate type code (credit code + 3 digits)'),
  number: FreeText.trim().min(1).max(64),
  serial: z.string().regex(/^[0-9A-Z]{1,32}$/),
  issuer: z.strictObject({ name: FreeText.trim().min(1).max(100), code: z.string() }),
  holder: z.strictObject({ name: FreeText.trim().min(1).max(200), code: z.string(), codeType: HolderCodeType.default('001') }),
  issuedOn: IsoDate,
  validFrom: IsoDate,
  /** null: 长期 (no end). */
  validUntil: IsoDate.nullable(),
  fields: z.record(z.string(), FreeText.max(500)).default({}),
  delivery: DeliveryChoice,
  /** The visitor's mobile, for the SMS and the kiosk's last-four check; only its last four reach terminals. */
  phone: Phone.nullable().default(null),
});
export type CertificateInput = z.infer<typeof CertificateInput>;

export const CertificateRevocation = z.strictObject({ on: IsoDate, reason: z.string().min(1) });
export const HandoverMark = z.strictObject({ at: z.iso.datetime({ offset: true }), counter: z.string(), channel: z.enum(['counter', 'kiosk', 'mail', 'electronic']) });

/** Where a mailed certificate is, as every terminal of the hall learns it (the signer masked; no address). */
export const MailSummary = z.strictObject({
  waybill: z.string(),
  state: z.enum(['recorded', 'posted', 'delivered']),
  recordedAt: z.iso.datetime({ offset: true }),
  postedAt: z.iso.datetime({ offset: true }).nullable(),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
  signer: z.string().nullable(),
});
export type MailSummary = z.infer<typeof MailSummary>;

/** A certificate as the server holds it and sends it to its hall's terminals (sync entity 'certificate'). */
export const CertificateDoc = z.strictObject({
  id: Ulid,
  hall: z.string(),
  procedureId: z.string(),
  template: z.string(),
  name: z.string(),
  typeCode: z.string(),
  number: z.string(),
  /** 证照标识, full: prefix, type code, issuer code, serial, version, check. */
  identifier: z.string(),
  version: z.int().min(1).max(999),
  issuer: z.strictObject({ name: z.string(), code: z.string() }),
  /** For a citizen holder (111) the code arrives masked: no ID number in clear on a terminal. */
  holder: z.strictObject({ name: z.string(), code: z.string(), codeType: HolderCodeType }),
  issuedOn: IsoDate,
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  fields: z.record(z.string(), z.string()),
  delivery: DeliveryChoice,
  pickupCode: PickupCode,
  phoneLast4: z.string().regex(/^\d{4}$/).nullable(),
  /** The signed QR text (core/common/certificate-payload.ts). */
  qr: z.string(),
  state: CertificateState,
  revoked: CertificateRevocation.nullable(),
  /** Identifier of the version that replaced this one. */
  supersededBy: z.string().nullable(),
  handedOver: HandoverMark.nullable(),
  /** Set by the server from the counter's mail events, so a kiosk on another PC can say where the letter is. */
  mail: MailSummary.nullable().default(null),
});
export type CertificateDoc = z.infer<typeof CertificateDoc>;

/** A verifying key (sync entity 'certificate_key'): public only; the private key never leaves the server. */
export const CertificateKey = z.strictObject({
  keyId: z.string().regex(/^[a-z0-9-]{1,32}$/),
  /** SM2 public key, uncompressed hex (04…). */
  publicKey: z.string().regex(/^04[0-9a-f]{128}$/),
  issuer: z.string(),
  activeFrom: z.iso.datetime({ offset: true }),
  /** A retired key no longer signs; what it signed before still verifies. */
  retiredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CertificateKey = z.infer<typeof CertificateKey>;

export const IdType = z.enum(['resident', 'passport', 'hk-macao', 'taiwan', 'foreign-permanent', 'other']);
/** Who collects at the counter: 本人 (the holder's representative) or 代领 (a proxy with a 委托书). */
export const Recipient = z.strictObject({
  kind: z.enum(['self', 'proxy']),
  name: FreeText.trim().min(1).max(50),
  idType: IdType,
  /** Checked with GB 11643 for 'resident'; never stored: a keyed hash and the last four are. */
  idNumber: FreeText.trim().min(4).max(32),
  /** For a proxy: the clerk checked the authorization letter (委托书). */
  letterChecked: z.boolean().default(false),
});
export type Recipient = z.infer<typeof Recipient>;

export const MailAddress = z.strictObject({
  recipient: FreeText.trim().min(1).max(50),
  phone: Phone,
  province: FreeText.trim().min(1).max(30),
  city: FreeText.trim().min(1).max(30),
  county: FreeText.trim().min(1).max(30),
  street: FreeText.trim().min(1).max(200),
  postcode: z.string().regex(/^\d{6}$/, 'not a postcode'),
  waybill: z.string().trim().regex(/^[0-9A-Z]{8,20}$/, 'not an EMS waybill number'),
});
export const MailState = z.strictObject({
  state: z.enum(['posted', 'delivered']),
  at: z.iso.datetime({ offset: true }),
  /** Who signed for it (签收人), for 'delivered'. */
  signer: FreeText.trim().min(1).max(50).nullable().default(null),
});

/** Terminal events uploaded to the server (outbox), one per fact. */
export const CERTIFICATE_EVENTS = {
  handedOver: 'certificate.handed_over',
  reprinted: 'certificate.reprinted',
  mailed: 'certificate.mailed',
  mailState: 'certificate.mail_state',
} as const;

export const HandoverEvent = z.strictObject({
  id: Ulid,
  certificateId: Ulid,
  identifier: z.string(),
  channel: z.enum(['counter', 'kiosk']),
  recipientKind: z.enum(['self', 'proxy']),
  recipientName: z.string(),
  idType: IdType,
  /** HMAC-SHA256 of the ID number under the terminal's key; the number itself is never stored. */
  idHash: z.string().regex(/^[0-9a-f]{64}$/),
  idLast4: z.string().min(1).max(4),
  letterChecked: z.boolean(),
  counter: z.string(),
  clerk: z.string().nullable(),
  ticketId: Ulid.nullable(),
  /** Arrival (check-in or call) and hand-over; 马上办 time is the difference. */
  arrivedAt: z.iso.datetime({ offset: true }).nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type HandoverEvent = z.infer<typeof HandoverEvent>;

export const ReprintEvent = z.strictObject({
  id: Ulid,
  certificateId: Ulid,
  reason: FreeText.trim().min(2).max(200),
  counter: z.string(),
  clerk: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});

export const MailedEvent = z.strictObject({ id: Ulid, certificateId: Ulid, address: MailAddress, counter: z.string(), clerk: z.string().nullable(), at: z.iso.datetime({ offset: true }) });
export const MailStateEvent = z.strictObject({ id: Ulid, certificateId: Ulid, waybill: z.string(), mail: MailState });

/** What a verification of a QR payload found (the same rule on kiosk, server page and CLI). */
export const VerdictKind = z.enum(['genuine', 'revoked', 'superseded', 'forged', 'unknown_issuer', 'unreadable']);
export const Verdict = z.strictObject({
  verdict: VerdictKind,
  identifier: z.string().nullable(),
  version: z.int().nullable(),
  issuedOn: IsoDate.nullable(),
  keyId: z.string().nullable(),
  /** Public fields when the verifier knows the certificate: name, number, holder name, issuer, validity. */
  certificate: z
    .strictObject({ name: z.string(), number: z.string(), holderName: z.string(), issuer: z.string(), validFrom: IsoDate, validUntil: IsoDate.nullable() })
    .nullable(),
  revoked: CertificateRevocation.nullable(),
  supersededBy: z.string().nullable(),
});
export type Verdict = z.infer<typeof Verdict>;
