import type { z } from 'zod';
import type { TicketSlip } from '../../../core/contract/print.js';
import { Page, type Layout } from './page.js';

export function renderTicket(slip: z.infer<typeof TicketSlip>, layout: Layout): Uint8Array {
  const page = new Page(slip.lang, layout);
  const { t } = page;
  page.text(t('common.hall'), { align: 'center' });
  page.text(t('ticket.title'), { align: 'center', bold: true });
  page.text(slip.number, { align: 'center', bold: true, width: 4, height: 4 });
  page.rule();
  page.field(t('ticket.service'), slip.service);
  page.field(t('common.counterArea'), slip.counterArea);
  page.text(slip.ahead > 0 ? t('common.ahead', { count: slip.ahead }) : t('common.aheadNone'), { bold: true });
  page.field(t('common.issuedAt'), page.time(slip.issuedAt));
  if (slip.offline) {
    page.rule();
    page.text(t('ticket.offline'), { bold: true });
  }
  page.rule();
  page.qr(slip.qr, t('ticket.scanHint'));
  page.ratingCode(slip.ratingCode);
  page.text(t('common.keep'), { align: 'center' });
  return page.finish();
}
