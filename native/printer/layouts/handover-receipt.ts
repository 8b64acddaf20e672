import type { z } from 'zod';
import { maskIdNumber, maskPersonName } from '../../../core/common/mask-name.js';
import type { HandoverReceiptSlip } from '../../../core/contract/print.js';
import { displayWidth } from '../charset.js';
import { Page, type Layout } from './page.js';

/** 领证回执: what was handed to whom (name and ID masked), at which counter, by whom and when, with lines to sign and date. */
export function renderHandoverReceipt(slip: z.infer<typeof HandoverReceiptSlip>, layout: Layout): Uint8Array {
  const page = new Page(slip.lang, layout);
  const { t } = page;
  page.text(t('common.hall'), { align: 'center' });
  page.text(t('handover.title'), { align: 'center', bold: true, height: 2 });
  page.rule();
  page.field(t('handover.certificate'), slip.certificateName);
  page.field(t('certificate.number'), slip.number);
  page.out.line(page.label(t('certificate.identifier')).trimEnd());
  page.text(slip.identifier);
  page.out.line(page.label(t('certificate.holder')).trimEnd());
  page.text(slip.holderName, { bold: true });
  page.field(t('handover.recipientKind'), t(slip.recipientKind === 'self' ? 'handover.self' : 'handover.proxy'));
  // Masked again here: a slip leaves the hall in a visitor's pocket, whatever the caller passed.
  page.field(t('handover.recipient'), maskPersonName(slip.recipientName));
  page.field(t('handover.recipientId'), maskIdNumber(slip.recipientId));
  page.field(t('handover.counter'), slip.counter);
  page.field(t('handover.clerk'), slip.clerk);
  page.field(t('handover.handedOverAt'), page.time(slip.handedOverAt));
  page.rule();
  page.text(t('handover.confirm'));
  page.out.line();
  page.out.line();
  page.out.line(blank(page.label(t('handover.signature')), page.columns));
  page.out.line();
  page.out.line(blank(page.label(t('handover.date')), page.columns));
  page.rule();
  page.qr(slip.qr, t('handover.scanHint'));
  return page.finish();
}

/** "领取人签字：______" filled to the paper's edge. */
function blank(label: string, columns: number): string {
  return label + '_'.repeat(Math.max(8, columns - displayWidth(label)));
}
