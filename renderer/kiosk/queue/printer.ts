import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import type { PrinterStatus } from '../../../core/contract/print.js';

/**
 * Whether a slip can be expected to come out: a printer is configured, is not known to be offline or
 * out of paper, and its last job did not fail. The visitor is told before a ticket is issued, not after.
 */
export function printerReady(status: PrinterStatus): boolean {
  return status.configured && status.state !== 'offline' && status.state !== 'paper-out' && status.lastFailure === null;
}

/** What the visitor should do about the slip: take it, or note the number on screen. */
export type SlipAdvice = 'take-slip' | 'note-number';

export function slipAdvice(print: IssuedTicket['print']): SlipAdvice {
  return print === 'queued' ? 'take-slip' : 'note-number';
}
