import type { z } from 'zod';
import type { CheckinSlip } from '../../../core/contract/print.js';
import { Page, type Layout } from './page.js';

export function renderCheckin(slip: z.infer<typeof CheckinSlip>, layout: Layout): Uint8Array {
  const page = new Page(slip.lang, layout);
  const { t } = page;
  page.text(t('common.hall'), { align: 'center' });
  page.text(t('checkin.title'), { align: 'center', bold: true });
  page.text(slip.number, { align: 'center', bold: true, width: 4, height: 4 });
  page.rule();
  // The enterprise name goes under its label so a drawn rare character takes only the name's lines.
  page.out.line(page.label(t('checkin.enterprise')).trimEnd());
  page.text(slip.enterprise, { bold: true });
  page.field(t('checkin.matter'), slip.matter);
  page.field(t('checkin.appointmentCode'), slip.appointmentCode);
  page.field(t('checkin.slot'), slip.slot);
  page.field(t('common.counterArea'), slip.counterArea);
  page.text(slip.ahead > 0 ? t('common.ahead', { count: slip.ahead }) : t('common.aheadNone'), { bold: true });
  page.field(t('common.issuedAt'), page.time(slip.issuedAt));
  page.rule();
  page.qr(slip.qr, t('checkin.scanHint'));
  page.ratingCode(slip.ratingCode);
  page.text(t('common.keep'), { align: 'center' });
  return page.finish();
}
