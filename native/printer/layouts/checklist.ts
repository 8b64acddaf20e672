import type { z } from 'zod';
import type { ChecklistSlip } from '../../../core/contract/print.js';
import { displayWidth } from '../charset.js';
import { Page, type Layout } from './page.js';

export function renderChecklist(slip: z.infer<typeof ChecklistSlip>, layout: Layout): Uint8Array {
  const page = new Page(slip.lang, layout);
  const { t } = page;
  page.text(t('common.hall'), { align: 'center' });
  page.text(t('checklist.title'), { align: 'center', bold: true });
  page.text(slip.procedureName, { align: 'center', bold: true });
  page.field(t('checklist.procedureCode'), slip.procedureCode);
  page.rule();

  // Number columns as wide as their heading (at least 4), the name takes the rest; one space between.
  const originals = Math.max(4, displayWidth(t('checklist.originals')));
  const copies = Math.max(4, displayWidth(t('checklist.copies')));
  const name = page.columns - originals - copies - 2;
  page.row([
    { text: t('checklist.material'), width: name },
    { text: t('checklist.originals'), width: originals, align: 'right' },
    { text: t('checklist.copies'), width: copies, align: 'right' },
  ]);
  slip.materials.forEach((m, i) =>
    page.row(
      [
        { text: m.name, width: name },
        { text: String(m.originals), width: originals, align: 'right' },
        { text: String(m.copies), width: copies, align: 'right' },
      ],
      `${i + 1}. `,
    ),
  );
  page.rule();
  if (slip.timeLimit) page.field(t('checklist.timeLimit'), slip.timeLimit);
  if (slip.office) page.field(t('checklist.office'), slip.office);
  if (slip.phone) page.field(t('checklist.phone'), slip.phone);
  page.field(t('checklist.printedAt'), page.time(slip.printedAt));
  if (slip.qr) page.qr(slip.qr, t('checklist.scanHint'));
  return page.finish();
}
