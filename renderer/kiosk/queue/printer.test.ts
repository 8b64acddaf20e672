import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../core/contract/print.js';
import { printerReady, slipAdvice } from './printer.js';

const ok: PrinterStatus = { configured: true, state: 'online', pending: 0, lastFailure: null };

describe('printer readiness before issuing', () => {
  it('an online printer, or one not yet probed, is expected to print', () => {
    expect(printerReady(ok)).toBe(true);
    expect(printerReady({ ...ok, state: 'unknown', pending: 2 })).toBe(true);
  });
  it('no printer, offline, out of paper or a failed last slip: the visitor is told first', () => {
    expect(printerReady({ ...ok, configured: false })).toBe(false);
    expect(printerReady({ ...ok, state: 'offline' })).toBe(false);
    expect(printerReady({ ...ok, state: 'paper-out' })).toBe(false);
    expect(printerReady({ ...ok, lastFailure: 'timeout' })).toBe(false);
  });
});

describe('what to do about the slip', () => {
  it('take it when it is printing; otherwise note the number from the screen', () => {
    expect(slipAdvice('queued')).toBe('take-slip');
    expect(slipAdvice('no-printer')).toBe('note-number');
    expect(slipAdvice('printer-down')).toBe('note-number');
    expect(slipAdvice('skipped')).toBe('note-number');
  });
});
