import type { z } from 'zod';
import type { TrackingSlip } from '../../../core/contract/print.js';
import { Page, type Layout } from './page.js';

export function renderTracking(slip: z.infer<typeof TrackingSlip>, layout: Layout): Uint8Array {
  const page = new Page(slip.lang, layout);
  const { t } = page;
  page.text(t('common.hall'), { align: 'center' });
  page.text(t('tracking.title'), { align: 'center', bold: true });
  page.rule();
  page.text(page.label(t('tracking.code')).trimEnd(), { align: 'center' });
  // Double width when the code fits on one line (80 mm paper); on 58 mm paper a wrapped code would split a group.
  const width = slip.trackingCode.length * 2 <= page.columns ? 2 : 1;
  page.text(slip.trackingCode, { align: 'center', bold: true, width, height: 2 });
  page.field(t('tracking.category'), slip.category);
  page.field(t('tracking.filedAt'), page.time(slip.filedAt));
  if (slip.deadline) page.field(t('tracking.deadline'), slip.deadline);
  if (slip.lookupHint) page.text(slip.lookupHint);
  page.rule();
  page.qr(slip.qr, t('tracking.scanHint'));
  page.text(t('common.keep'), { align: 'center' });
  return page.finish();
}
