import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../decode.js';
import { renderSlip } from '../layouts/index.js';
import { PrinterError } from '../types.js';
import { SerialPrinter, type PortFactory } from './serial.js';
import { tracking, onPaper } from '../../../tests/devices/slips.js';

// SerialPortMock.binding, not a separately imported @serialport/binding-mock (a second module instance
// would not know the port). The factory answers DLE EOT the way a printer would.
function mockPrinter(path: string, answers: { 1?: number; 4?: number }) {
  SerialPortMock.binding.createPort(path, { echo: false, record: true });
  let opened: SerialPortMock | undefined;
  const factory: PortFactory = (options) => {
    const port = new SerialPortMock(options);
    const write = port.write.bind(port);
    port.write = ((data: Uint8Array) => {
      const ok = write(data);
      if (data.length === 3 && data[0] === 0x10 && data[1] === 0x04) {
        const answer = answers[data[2] as 1 | 4];
        if (answer !== undefined) setTimeout(() => port.port?.emitData(Buffer.from([answer])), 5);
      }
      return ok;
    }) as typeof port.write;
    opened = port;
    return port;
  };
  return { printer: new SerialPrinter(`serial:${path}`, path, 9600, 2000, factory), recording: () => opened!.port?.recording ?? Buffer.alloc(0) };
}

afterEach(() => SerialPortMock.binding.reset());

describe('serial printer on serialport mock', () => {
  it('sends the paper query then the whole job', async () => {
    const { printer, recording } = mockPrinter('/dev/ttyMOCK0', { 1: 0x12, 4: 0x12 });
    await printer.print(renderSlip(tracking, onPaper));
    const recorded = recording();
    expect(recorded.subarray(0, 3)).toEqual(Buffer.from([0x10, 0x04, 4]));
    expect(decodeEscPos(recorded).text).toContain('意见建议受理回执');
  });

  it('reports paper-out and refuses the job', async () => {
    const { printer } = mockPrinter('/dev/ttyMOCK1', { 1: 0x1a, 4: 0x72 });
    expect(await printer.status()).toBe('paper-out');
    await expect(printer.print(renderSlip(tracking, onPaper))).rejects.toMatchObject({ reason: 'paper-out' });
  });

  it('a port that does not exist is offline', async () => {
    const printer = new SerialPrinter('serial:/dev/ttyNONE', '/dev/ttyNONE', 9600, 2000, (o) => new SerialPortMock(o));
    expect(await printer.status()).toBe('offline');
    const err = await printer.print(Uint8Array.of(0x0a)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).reason).toBe('offline');
  });
});
