import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import type { PrinterStatus } from '../../../core/contract/print.js';

/**
 * Whether a slip can be expected to come out: a printer is configured, is not known to be offline or
 * out of paper, and its last job did not fail.
 */
export function printerReady(status: PrinterStatus): boolean {
  return status.configured && status.state !== 'offline' && status.state !== 'paper-out' && status.lastFailure === null;
}

/**
 * Whether the visitor must be warned before a ticket is issued: a printer is configured but cannot
 * print. A kiosk configured with no printer (a screen-only kiosk) shows its tickets on screen as the
 * normal path, with no warning and no extra tap.
 */
export function printerDown(status: PrinterStatus): boolean {
  return status.configured && !printerReady(status);
}

/** What the visitor should do about the slip: take it, read it from this screen (no printer here), or note it because the printer failed. */
export type SlipAdvice = 'take-slip' | 'on-screen' | 'note-number';

export function slipAdvice(print: IssuedTicket['print']): SlipAdvice {
  if (print === 'queued') return 'take-slip';
  return print === 'no-printer' ? 'on-screen' : 'note-number';
}
