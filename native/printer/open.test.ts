import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decode.js';
import { renderSlip } from './layouts/index.js';
import { openPrinter, PrinterUriError } from './open.js';
import { FilePrinter } from './transports/file.js';
import { PreviewPrinter } from './transports/preview.js';
import { SerialPrinter } from './transports/serial.js';
import { TcpPrinter } from './transports/tcp.js';
import type { PrinterError } from './types.js';
import { ticket, onPaper } from '../../tests/devices/slips.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'printer-'));

describe('openPrinter', () => {
  it('picks the transport from the URI', () => {
    expect(openPrinter('tcp://192.0.2.10:9100')).toBeInstanceOf(TcpPrinter);
    expect(openPrinter('tcp://printer.local')).toBeInstanceOf(TcpPrinter);
    expect(openPrinter('serial:/dev/ttyUSB0?baud=19200')).toBeInstanceOf(SerialPrinter);
    expect(openPrinter('file:/dev/usb/lp0')).toBeInstanceOf(FilePrinter);
    expect(openPrinter('file:///dev/usb/lp0')).toBeInstanceOf(FilePrinter);
    expect(openPrinter('preview:/tmp/slips')).toBeInstanceOf(PreviewPrinter);
    expect(openPrinter('tcp://127.0.0.1:9100').uri).toBe('tcp://127.0.0.1:9100');
  });

  it('rejects a bad URI with a message that shows the accepted forms', () => {
    for (const bad of ['', 'lp0', 'usb:/dev/usb/lp0', 'tcp://', 'serial:', 'serial:/dev/ttyS0?baud=fast', 'file:relative/lp0', 'preview:']) {
      expect(() => openPrinter(bad), bad).toThrow(PrinterUriError);
    }
    expect(() => openPrinter('usb:/x')).toThrow(/unknown scheme "usb".*tcp:\/\/host:9100/);
  });
});

describe('file: printer', () => {
  it('appends each job to the device file', async () => {
    const file = path.join(tmp(), 'lp0');
    fs.writeFileSync(file, '');
    const printer = openPrinter(`file:${file}`);
    expect(await printer.status()).toBe('online');
    await printer.print(renderSlip(ticket, onPaper));
    await printer.print(renderSlip(ticket, onPaper));
    const d = decodeEscPos(fs.readFileSync(file));
    expect(d.cuts).toBe(2);
    expect(d.text).toContain('您前面还有 3 人');
  });

  it('a missing device is offline and is never created', async () => {
    const file = path.join(tmp(), 'lp9');
    const printer = openPrinter(`file:${file}`);
    expect(await printer.status()).toBe('offline');
    const err = await printer.print(Uint8Array.of(0x0a)).catch((e: unknown) => e);
    expect((err as PrinterError).reason).toBe('offline');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('preview: printer', () => {
  it('writes one text rendering and the raw bytes per job', async () => {
    const dir = path.join(tmp(), 'slips');
    const printer = openPrinter(`preview:${dir}`);
    expect(await printer.status()).toBe('online');
    await printer.print(renderSlip(ticket, onPaper));
    await printer.print(renderSlip({ ...ticket, number: 'A013' }, onPaper));
    const files = fs.readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(2);
    const second = fs.readFileSync(path.join(dir, files.filter((f) => f.endsWith('.txt'))[1]!), 'utf8');
    expect(second).toContain('A013');
    expect(second).toContain('办理业务：对外劳务合作经营资格核准');
    expect(second).toContain(`[QR ${ticket.qr}]`);
  });

  it('a directory that cannot be made is offline', async () => {
    const file = path.join(tmp(), 'not-a-dir');
    fs.writeFileSync(file, '');
    const printer = openPrinter(`preview:${file}/sub`);
    expect(await printer.status()).toBe('offline');
    await expect(printer.print(Uint8Array.of(0x0a))).rejects.toMatchObject({ reason: 'offline' });
  });
});
