import iconv from 'iconv-lite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openScanner, type Scanner, type ScannerState } from '../../native/scanner/index.js';
import { RUN_PTY_TESTS, openPtyPair, until, type PtyPair } from './pty.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!RUN_PTY_TESTS)('serial scanner on a real pseudo-terminal', () => {
  let dir: string;
  let pty: PtyPair | undefined;
  let scanner: Scanner | undefined;
  let codes: string[];
  let states: ScannerState[];

  function open(path: string): Scanner {
    const s = openScanner(`serial:${path}?baud=9600`, { minDelayMs: 50, maxDelayMs: 200 });
    s.onScan((c) => codes.push(c));
    s.onState((st) => states.push(st));
    return s;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scanner-'));
    codes = [];
    states = [];
  });
  afterEach(async () => {
    await scanner?.close();
    await pty?.stop();
    scanner = undefined;
    pty = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers each scanned code once: plain, Chinese (UTF-8 and GB18030), split across writes, two in one write', async () => {
    pty = await openPtyPair(dir);
    scanner = open(pty.a);
    await until(() => scanner!.state === 'connected', 'the scanner to open');

    pty.write('A012\r');
    pty.write('预约码：YY-20240517-商务厅\r\n');
    pty.write(new Uint8Array(iconv.encode('黑龙江省商务厅', 'gb18030')));
    pty.write('\r');
    pty.write('AP-2024-');
    await pause(50);
    pty.write('00017');
    await pause(50);
    pty.write('\r\n');
    pty.write('B013\rB014\n');
    await until(() => codes.length >= 6, 'six codes');
    await pause(100);

    expect(codes).toEqual(['A012', '预约码：YY-20240517-商务厅', '黑龙江省商务厅', 'AP-2024-00017', 'B013', 'B014']);
  });

  it('survives an unplug: reports disconnected, reconnects when the device is back, and reads again', async () => {
    pty = await openPtyPair(dir);
    scanner = open(pty.a);
    await until(() => scanner!.state === 'connected', 'the scanner to open');
    pty.write('A012\r');
    await until(() => codes.length === 1, 'the first code');

    // Unplugged halfway through a scan: that half must not be glued to the next code.
    pty.write('HALF-');
    await pause(50);
    await pty.stop();
    await until(() => scanner!.state === 'disconnected', 'the unplug to be noticed');

    pty = await openPtyPair(dir);
    await until(() => scanner!.state === 'connected', 'the scanner to reconnect');
    pty.write('A013\r\n');
    await until(() => codes.length === 2, 'a code after reconnecting');

    expect(codes).toEqual(['A012', 'A013']);
    expect(states).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('a scanner plugged in after start-up is picked up without a restart', async () => {
    scanner = open(join(dir, 'ttyA'));
    await until(() => scanner!.state !== 'connecting', 'the first open attempt');
    expect(scanner.state).toBe('disconnected');

    pty = await openPtyPair(dir);
    await until(() => scanner!.state === 'connected', 'the late device to be found');
    pty.write('商务\r');
    await until(() => codes.length === 1, 'a code');
    expect(codes).toEqual(['商务']);
  });

  it('after close() nothing more is delivered and the device is not reopened', async () => {
    pty = await openPtyPair(dir);
    scanner = open(pty.a);
    await until(() => scanner!.state === 'connected', 'the scanner to open');
    await scanner.close();
    expect(scanner.state).toBe('closed');
    pty.write('A012\r');
    await pause(200);
    expect(codes).toEqual([]);
    expect(states).toEqual(['connected', 'closed']);
  });
});
