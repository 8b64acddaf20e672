import type { z } from 'zod';
import { holderCodeShown, maskIdNumber, maskPersonName } from '../common/mask-name.js';
import type { CertificateDoc, CertificateTemplate, HandoverEvent } from '../contract/certificates.js';
import type { Lang } from '../contract/common.js';
import type { CertificateSlip, HandoverReceiptSlip } from '../contract/print.js';
import { orderedFields } from './template-layout.js';
import { validityText } from './validity.js';

/**
 * The slip print of a receipt-type certificate (e.g. 单用途商业预付卡备案回执), made alike by the counter, the
 * kiosk and the server: its metadata, its own fields labelled in `lang` in the template's order, the signed QR.
 */
export function certificateSlipOf(
  doc: CertificateDoc,
  template: CertificateTemplate,
  lang: Lang,
  reprint: { reason: string; at: string } | null,
  now: Date,
): z.input<typeof CertificateSlip> {
  if (template.id !== doc.template) throw new Error(`Certificate ${doc.identifier} is a ${doc.template}, not a ${template.id}`);
  if (template.medium !== 'slip') throw new Error(`${template.id} certificates print on A4, not on a slip`);
  return {
    kind: 'certificate',
    lang,
    name: doc.name,
    number: doc.number,
    identifier: doc.identifier,
    holderName: doc.holder.name,
    // A citizen's code reaches terminals masked already; an enterprise's credit code is public.
    holderCode: holderCodeShown(doc.holder.code, doc.holder.codeType),
    issuer: doc.issuer.name,
    issuedOn: doc.issuedOn,
    validity: validityText(doc.validFrom, doc.validUntil, lang),
    fields: orderedFields(template, doc.fields, lang).map(({ label, value }) => ({ label, value })),
    qr: doc.qr,
    reprint,
    printedAt: now.toISOString(),
  };
}

/** The 领证回执 of a hand-over, to be signed by the recipient: their name and ID masked, the certificate's QR. */
export function handoverReceiptOf(
  doc: CertificateDoc,
  handover: Pick<HandoverEvent, 'recipientKind' | 'recipientName' | 'idLast4' | 'counter' | 'clerk' | 'at'>,
  lang: Lang,
): z.input<typeof HandoverReceiptSlip> {
  return {
    kind: 'handover-receipt',
    lang,
    certificateName: doc.name,
    number: doc.number,
    identifier: doc.identifier,
    holderName: doc.holder.name,
    recipientKind: handover.recipientKind,
    recipientName: maskPersonName(handover.recipientName),
    recipientId: maskIdNumber(handover.idLast4.padStart(8, '*')),
    counter: handover.counter,
    clerk: handover.clerk ?? '—',
    handedOverAt: handover.at,
    qr: doc.qr,
  };
}
