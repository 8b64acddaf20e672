import { Slip, type SlipInput } from '../../../core/contract/print.js';
import { renderCheckin } from './checkin.js';
import { renderChecklist } from './checklist.js';
import { DEFAULT_COLUMNS } from './page.js';
import { renderTicket } from './ticket.js';
import { renderTracking } from './tracking.js';

export { DEFAULT_COLUMNS } from './page.js';

/** The ESC/POS job for a slip; `columns` is 48 for 80 mm paper (default) and 32 for 58 mm. */
export function renderSlip(slip: Slip | SlipInput, options: { columns?: number } = {}): Uint8Array {
  const parsed = Slip.parse(slip);
  const columns = options.columns ?? DEFAULT_COLUMNS;
  if (!Number.isInteger(columns) || columns < 24) throw new RangeError(`A slip needs at least 24 columns, got ${columns}`);
  switch (parsed.kind) {
    case 'ticket':
      return renderTicket(parsed, columns);
    case 'checkin':
      return renderCheckin(parsed, columns);
    case 'checklist':
      return renderChecklist(parsed, columns);
    case 'tracking':
      return renderTracking(parsed, columns);
  }
}
