import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../core/contract/print.js';
import { printerDown, printerReady, slipAdvice } from './printer.js';

const ok: PrinterStatus = { configured: true, state: 'online', pending: 0, lastFailure: null };

describe('printer readiness before issuing', () => {
  it('an online printer, or one not yet probed, is expected to print', () => {
    expect(printerReady(ok)).toBe(true);
    expect(printerReady({ ...ok, state: 'unknown', pending: 2 })).toBe(true);
  });
  it('offline, out of paper or a failed last slip: the visitor is told first', () => {
    expect(printerDown({ ...ok, state: 'offline' })).toBe(true);
    expect(printerDown({ ...ok, state: 'paper-out' })).toBe(true);
    expect(printerDown({ ...ok, lastFailure: 'timeout' })).toBe(true);
    expect(printerReady({ ...ok, state: 'offline' })).toBe(false);
    expect(printerReady({ ...ok, state: 'paper-out' })).toBe(false);
    expect(printerReady({ ...ok, lastFailure: 'timeout' })).toBe(false);
  });
  it('a kiosk with no printer configured prints nothing, and that is no fault to warn about', () => {
    expect(printerReady({ ...ok, configured: false })).toBe(false);
    expect(printerDown({ ...ok, configured: false, state: 'unknown' })).toBe(false);
    expect(printerDown(ok)).toBe(false);
  });
});

describe('what to do about the slip', () => {
  it('take it when it is printing; read it from the screen on a kiosk without a printer; note it when the printer failed', () => {
    expect(slipAdvice('queued')).toBe('take-slip');
    expect(slipAdvice('no-printer')).toBe('on-screen');
    expect(slipAdvice('printer-down')).toBe('note-number');
    expect(slipAdvice('skipped')).toBe('note-number');
  });
});
