import type { z } from 'zod';
import type { CertificateSlip } from '../../../core/contract/print.js';
import { Page, type Layout } from './page.js';

/** A receipt-type certificate (备案回执) whole on the slip: its metadata and fields, then the signed QR that verifies it. */
export function renderCertificate(slip: z.infer<typeof CertificateSlip>, layout: Layout): Uint8Array {
  const page = new Page(slip.lang, layout);
  const { t } = page;
  if (slip.reprint) page.text(`【${t('certificate.reprint')}】`, { align: 'center', bold: true, width: 2, height: 2 });
  page.text(slip.name, { align: 'center', bold: true, height: 2 });
  page.rule();
  page.field(t('certificate.number'), slip.number);
  // The holder's name under its label, as on the check-in slip: a drawn rare character takes only its own lines.
  page.out.line(page.label(t('certificate.holder')).trimEnd());
  page.text(slip.holderName, { bold: true });
  page.field(t('certificate.holderCode'), slip.holderCode);
  for (const f of slip.fields) page.field(f.label, f.value);
  page.field(t('certificate.validity'), slip.validity);
  page.field(t('certificate.issuer'), slip.issuer);
  page.field(t('certificate.issuedOn'), slip.issuedOn);
  page.out.line(page.label(t('certificate.identifier')).trimEnd());
  page.text(slip.identifier);
  if (slip.reprint) {
    page.rule();
    page.field(t('certificate.reprintAt'), page.time(slip.reprint.at));
    page.field(t('certificate.reprintReason'), slip.reprint.reason);
  }
  page.rule();
  page.qr(slip.qr, t('certificate.scanHint'));
  page.field(t('certificate.printedAt'), page.time(slip.printedAt));
  return page.finish();
}
