import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderSlip } from '../../native/printer/layouts/index.js';
import { openPrinter } from '../../native/printer/open.js';
import { PrinterError, type Printer } from '../../native/printer/types.js';
import { decodeEscPos } from './escpos-decoder.js';
import { hasSocat, openPtyPair, type PtyPair } from './pty-pair.js';
import { PtyPrinter } from './pty-printer.js';
import { expectCheckin, expectChecklist, expectTicket, expectTracking } from './slip-assertions.js';
import { checkin, checklist, onPaper, ticket, tracking } from './slips.js';

// Real pseudo-terminals need socat: in CI its absence fails this suite; on a developer's machine it is skipped with a note.
const socat = hasSocat();
if (!socat && !process.env.CI) console.warn('serial-printer.test.ts skipped: install socat to run the pseudo-terminal printer tests');

describe.skipIf(!socat && !process.env.CI)('serial: printer over a socat pseudo-terminal pair', () => {
  let pair: PtyPair;
  let device: PtyPrinter;
  let printer: Printer;

  beforeAll(async () => {
    if (!socat) throw new Error('socat is required for the serial printer tests (CI installs it in .ci/run)');
    pair = await openPtyPair();
    device = await PtyPrinter.open(pair.b);
    printer = openPrinter(`serial:${pair.a}?baud=9600`);
  });
  afterEach(() => {
    device.mode = { kind: 'ready' };
    device.clear();
  });
  afterAll(async () => {
    await printer?.close();
    await device?.close();
    await pair?.close();
  });

  const printed = async (bytes: Uint8Array) => {
    device.clear();
    await printer.print(bytes);
    return decodeEscPos(await device.waitForCut());
  };

  it('prints every slip kind: Chinese text, QR payload, aligned columns, drawn rare characters, the cut', async () => {
    const first = await printed(renderSlip(ticket, onPaper));
    expect(first.statusRequests).toEqual([4]);
    expectTicket(first);
    expectCheckin(await printed(renderSlip(checkin, onPaper)));
    expectChecklist(await printed(renderSlip(checklist, onPaper)), 48);
    expectTracking(await printed(renderSlip(tracking, onPaper)));
  });

  it('status answers online, and paper-out when the printer reports paper end', async () => {
    expect(await printer.status()).toBe('online');
    device.mode = { kind: 'paper-out' };
    expect(await printer.status()).toBe('paper-out');
  });

  it('a job to a printer without paper fails with paper-out and is not sent', async () => {
    device.mode = { kind: 'paper-out' };
    const err = await printer.print(renderSlip(ticket, onPaper)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).reason).toBe('paper-out');
    expect(decodeEscPos(device.bytes).cuts).toBe(0);
  });

  it('a printer that does not answer DLE EOT has unknown status', async () => {
    device.mode = { kind: 'silent' };
    expect(await printer.status({ timeoutMs: 300 })).toBe('unknown');
  });

  it('a device path that does not exist is offline', async () => {
    const missing = openPrinter(`serial:${pair.a}-missing`);
    expect(await missing.status()).toBe('offline');
    const err = await missing.print(renderSlip(ticket, onPaper)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as PrinterError).reason).toBe('offline');
  });
});

// Each on its own pseudo-terminal pair: a stalled line or a killed socat would spill into other tests.
describe.skipIf(!socat && !process.env.CI)('serial: a stalled or unplugged printer', () => {
  async function withPair(test: (device: PtyPrinter, printer: Printer, pair: PtyPair) => Promise<void>) {
    if (!socat) throw new Error('socat is required for the serial printer tests (CI installs it in .ci/run)');
    const pair = await openPtyPair();
    const device = await PtyPrinter.open(pair.b);
    const printer = openPrinter(`serial:${pair.a}`);
    try {
      await test(device, printer, pair);
    } finally {
      await printer.close();
      await device.close();
      await pair.close();
    }
  }
  // Larger than the pseudo-terminals' buffers, so a printer that stops reading backs the line up.
  const bigJob = () => new Uint8Array(300_000).fill(0x2e);

  it('a printer that stops taking bytes fails the job as timeout', () =>
    withPair(async (device, printer) => {
      device.mode = { kind: 'silent' };
      const err = await printer.print(bigJob(), { timeoutMs: 800 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PrinterError);
      expect((err as PrinterError).reason).toBe('timeout');
    }));

  it('the cable pulled mid-job fails the job as disconnected', () =>
    withPair(async (device, printer, pair) => {
      device.mode = { kind: 'drop-after', bytes: 1000 };
      const job = printer.print(bigJob(), { timeoutMs: 10_000 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      await device.waitForBytes(1000);
      await device.close();
      await pair.close();
      const err = await job;
      expect(err).toBeInstanceOf(PrinterError);
      expect((err as PrinterError).reason).toBe('disconnected');
    }));
});
