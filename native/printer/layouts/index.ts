import { Slip, type SlipInput } from '../../../core/contract/print.js';
import { renderCertificate } from './certificate.js';
import { renderCheckin } from './checkin.js';
import { renderChecklist } from './checklist.js';
import { renderHandoverReceipt } from './handover-receipt.js';
import { DEFAULT_COLUMNS } from './page.js';
import { renderTicket } from './ticket.js';
import { renderTracking } from './tracking.js';

export { DEFAULT_COLUMNS } from './page.js';

export interface RenderOptions {
  /** 48 for 80 mm paper (default), 32 for 58 mm. */
  columns?: number;
  /** The hall's time zone: a slip prints the hall's time, not the machine's or UTC. */
  timeZone: string;
}

/** The ESC/POS job for a slip. */
export function renderSlip(slip: Slip | SlipInput, options: RenderOptions): Uint8Array {
  const parsed = Slip.parse(slip);
  const columns = options.columns ?? DEFAULT_COLUMNS;
  if (!Number.isInteger(columns) || columns < 24) throw new RangeError(`A slip needs at least 24 columns, got ${columns}`);
  const layout = { columns, timeZone: options.timeZone };
  switch (parsed.kind) {
    case 'ticket':
      return renderTicket(parsed, layout);
    case 'checkin':
      return renderCheckin(parsed, layout);
    case 'checklist':
      return renderChecklist(parsed, layout);
    case 'tracking':
      return renderTracking(parsed, layout);
    case 'certificate':
      return renderCertificate(parsed, layout);
    case 'handover-receipt':
      return renderHandoverReceipt(parsed, layout);
  }
}
