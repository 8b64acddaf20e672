import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderSlip } from '../../native/printer/layouts/index.js';
import { openPrinter } from '../../native/printer/open.js';
import { PrinterError, type Printer } from '../../native/printer/types.js';
import { decodeEscPos } from './escpos-decoder.js';
import { LoopbackPrinter } from './loopback-printer.js';
import { expectCheckin, expectChecklist, expectTicket, expectTracking } from './slip-assertions.js';
import { checkin, checklist, onPaper, ticket, tracking } from './slips.js';

let device: LoopbackPrinter;
let printer: Printer;

beforeAll(async () => {
  device = await LoopbackPrinter.start();
  printer = openPrinter(device.uri);
});
afterEach(() => device.setMode({ kind: 'ready' }));
afterAll(async () => {
  await printer.close();
  await device.stop();
});

async function rejection(p: Promise<unknown>): Promise<PrinterError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterError);
  return err as PrinterError;
}

describe('tcp:// printer against a loopback raw-port printer', () => {
  it('prints every slip kind; the printer receives Chinese text, QR payload, aligned columns and the cut', async () => {
    await printer.print(renderSlip(ticket, onPaper));
    const first = decodeEscPos(device.lastJob());
    // The paper sensor is asked before the job is sent.
    expect(first.statusRequests).toEqual([4]);
    expectTicket(first);

    await printer.print(renderSlip(checkin, onPaper));
    expectCheckin(decodeEscPos(device.lastJob()));

    await printer.print(renderSlip(checklist, { ...onPaper, columns: 32 }));
    expectChecklist(decodeEscPos(device.lastJob()), 32);

    await printer.print(renderSlip(tracking, onPaper));
    expectTracking(decodeEscPos(device.lastJob()));
  });

  it('status is online when the printer answers DLE EOT with paper', async () => {
    expect(await printer.status()).toBe('online');
  });

  it('paper out: status says so and a job is refused before it is sent', async () => {
    await device.setMode({ kind: 'paper-out' });
    expect(await printer.status()).toBe('paper-out');
    const before = device.connections.length;
    const err = await rejection(printer.print(renderSlip(ticket, onPaper)));
    expect(err.reason).toBe('paper-out');
    // Only the status request reached the printer.
    expect(device.connections.slice(before).every((c) => c.bytes.length === 3)).toBe(true);
  });

  it('a printer that drops the connection mid-job fails the job as disconnected', async () => {
    await device.setMode({ kind: 'drop-after', bytes: 200 });
    const err = await rejection(printer.print(renderSlip(checklist, onPaper), { timeoutMs: 5000 }));
    expect(err.reason).toBe('disconnected');
  });

  it('a printer that never answers fails the job as timeout; its status is unknown', async () => {
    await device.setMode({ kind: 'silent' });
    const err = await rejection(printer.print(renderSlip(ticket, onPaper), { timeoutMs: 300 }));
    expect(err.reason).toBe('timeout');
    expect(await printer.status({ timeoutMs: 300 })).toBe('unknown');
  });

  it('a refused connection is offline, for jobs and for status', async () => {
    await device.setMode({ kind: 'refuse' });
    const err = await rejection(printer.print(renderSlip(ticket, onPaper)));
    expect(err.reason).toBe('offline');
    expect(await printer.status()).toBe('offline');
  });

  it('recovers: after paper is loaded the next job prints', async () => {
    await device.setMode({ kind: 'paper-out' });
    await rejection(printer.print(renderSlip(tracking, onPaper)));
    await device.setMode({ kind: 'ready' });
    await printer.print(renderSlip(tracking, onPaper));
    expectTracking(decodeEscPos(device.lastJob()));
  });
});
