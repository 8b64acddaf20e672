import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { ScannerUriError, openScanner, parseScannerUri, type Scanner } from './index.js';

const mockPort = (a: { path: string; baudRate: number }) => new SerialPortMock({ path: a.path, baudRate: a.baudRate, autoOpen: false });

/** The mock port the scanner opened, to play the device's side. */
function device(scanner: Scanner): SerialPortMock {
  return (scanner as unknown as { port: SerialPortMock }).port;
}

async function connected(scanner: Scanner): Promise<void> {
  while (scanner.state === 'connecting') await new Promise((r) => setTimeout(r, 5));
}

describe('parseScannerUri', () => {
  it('reads the device path and baud rate, 9600 by default', () => {
    expect(parseScannerUri('serial:/dev/ttyACM0?baud=115200')).toEqual({ kind: 'serial', path: '/dev/ttyACM0', baudRate: 115200 });
    expect(parseScannerUri('serial:/dev/serial/by-id/usb-Honeywell_1900-if00')).toMatchObject({ path: '/dev/serial/by-id/usb-Honeywell_1900-if00', baudRate: 9600 });
    expect(parseScannerUri('serial:///dev/ttyUSB1')).toMatchObject({ path: '/dev/ttyUSB1' });
    expect(parseScannerUri('serial:COM3?baud=9600')).toMatchObject({ path: 'COM3' });
  });

  it('refuses a URI it cannot use with a message that shows a working example', () => {
    const bad = ['/dev/ttyACM0', 'tcp://10.0.0.5:9100', 'serial:', 'serial:/dev/ttyACM0?baud=9601', 'serial:/dev/ttyACM0?speed=9600'];
    for (const uri of bad) {
      expect(() => openScanner(uri)).toThrow(ScannerUriError);
      expect(() => openScanner(uri)).toThrow(/serial:\/dev\/ttyACM0\?baud=9600/);
    }
  });
});

describe('openScanner on a mock serial port', () => {
  let scanner: Scanner | undefined;
  afterEach(async () => {
    await scanner?.close();
    SerialPortMock.binding.reset();
  });

  it('turns the bytes a device sends into codes', async () => {
    SerialPortMock.binding.createPort('/dev/ttyMOCK0');
    scanner = openScanner('serial:/dev/ttyMOCK0', { createPort: mockPort });
    const codes: string[] = [];
    scanner.onScan((c) => codes.push(c));
    await connected(scanner);
    expect(scanner.state).toBe('connected');
    device(scanner).port!.emitData(Buffer.from('A012\r\n拍卖'));
    device(scanner).port!.emitData(Buffer.from('许可\r'));
    while (codes.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(codes).toEqual(['A012', '拍卖许可']);
  });

  it('an unsubscribed listener hears nothing more', async () => {
    SerialPortMock.binding.createPort('/dev/ttyMOCK1');
    scanner = openScanner('serial:/dev/ttyMOCK1', { createPort: mockPort });
    const first: string[] = [];
    const second: string[] = [];
    const off = scanner.onScan((c) => first.push(c));
    scanner.onScan((c) => second.push(c));
    await connected(scanner);
    device(scanner).port!.emitData(Buffer.from('A012\r'));
    while (second.length < 1) await new Promise((r) => setTimeout(r, 5));
    off();
    device(scanner).port!.emitData(Buffer.from('A013\r'));
    while (second.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(first).toEqual(['A012']);
    expect(second).toEqual(['A012', 'A013']);
  });

  it('a missing device is reported as disconnected with the reason, not thrown', async () => {
    scanner = openScanner('serial:/dev/ttyNOPE', { createPort: mockPort, minDelayMs: 10_000 });
    const reasons: (string | undefined)[] = [];
    scanner.onState((_s, reason) => reasons.push(reason));
    await connected(scanner);
    expect(scanner.state).toBe('disconnected');
    expect(reasons[0]).toMatch(/does not exist/);
  });
});
