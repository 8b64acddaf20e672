import type { CertificateDoc, CertificateTemplate } from '../contract/certificates.js';
import type { Lang } from '../contract/common.js';
import type { CertificateSlip, HandoverReceiptSlip } from '../contract/print.js';
import type { z } from 'zod';
import { hallDateTime } from '../common/hall-time.js';
import { maskPersonName } from '../common/mask-name.js';

/** The data of the two certificate slips; native/printer/layouts turns them into ESC/POS. */

const OPEN_ENDED: Record<Lang, string> = { 'zh-CN': '长期', en: 'no end date', ru: 'бессрочно' };

const COUNTER: Record<Lang, (no: string) => string> = {
  'zh-CN': (no) => `${no}号窗口`,
  en: (no) => `counter ${no}`,
  ru: (no) => `окно ${no}`,
};
const KIOSK: Record<Lang, string> = { 'zh-CN': '自助终端', en: 'the self-service kiosk', ru: 'киоск самообслуживания' };

/** Where a hand-over took place, as a visitor reads it: a counter number, or 'kiosk'. */
export const KIOSK_COUNTER = 'kiosk';
export const counterLabel = (counter: string, lang: Lang) => (counter === KIOSK_COUNTER ? KIOSK[lang] : COUNTER[lang](counter));

export const validityText = (doc: CertificateDoc, lang: Lang) => `${doc.validFrom} – ${doc.validUntil ?? OPEN_ENDED[lang]}`;

/** A holder's code as shown: an enterprise's credit code is public; a citizen's arrives masked already. */
const holderCodeText = (doc: CertificateDoc) => doc.holder.code;

export function certificateSlip(
  doc: CertificateDoc,
  template: CertificateTemplate,
  lang: Lang,
  reprint: { reason: string; at: string } | null,
  now: Date,
): z.input<typeof CertificateSlip> {
  return {
    kind: 'certificate',
    lang,
    name: doc.name,
    number: doc.number,
    identifier: doc.identifier,
    holderName: doc.holder.name,
    holderCode: holderCodeText(doc),
    issuer: doc.issuer.name,
    issuedOn: doc.issuedOn,
    validity: validityText(doc, lang),
    fields: template.fields.filter((f) => doc.fields[f.key] !== undefined).map((f) => ({ label: f.label[lang], value: doc.fields[f.key]! })),
    qr: doc.qr,
    reprint,
    printedAt: now.toISOString(),
  };
}

export function handoverReceipt(
  doc: CertificateDoc,
  h: { recipientKind: 'self' | 'proxy'; recipientName: string; idLast4: string; counter: string; clerk: string; at: string },
  lang: Lang,
): z.input<typeof HandoverReceiptSlip> {
  return {
    kind: 'handover-receipt',
    lang,
    certificateName: doc.name,
    number: doc.number,
    identifier: doc.identifier,
    holderName: doc.holder.name,
    recipientKind: h.recipientKind,
    recipientName: maskPersonName(h.recipientName),
    recipientId: `****${h.idLast4}`,
    counter: counterLabel(h.counter, lang),
    clerk: h.clerk,
    handedOverAt: h.at,
    qr: doc.qr,
  };
}

/** "2026-12-02 10:05" in the hall's zone, for messages. */
export const hallTimeText = (at: string, timeZone: string) => hallDateTime(at, timeZone);
