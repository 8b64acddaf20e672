import { SerialPort } from 'serialport';
import { FrameSplitter } from './frames.js';
import type { Scanner, ScannerState } from './types.js';
import type { SerialScannerAddress } from './uri.js';

/** What the scanner needs of a serialport stream; SerialPort and SerialPortMock both fit. */
export interface PortLike {
  readonly isOpen: boolean;
  open(callback: (err: Error | null) => void): void;
  close(callback?: (err: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (err?: Error | null) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export interface SerialScannerOptions {
  /** First retry delay after the device vanished or failed to open; doubles up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Builds the port; tests pass SerialPortMock. Must not open it. */
  createPort?: (address: { path: string; baudRate: number }) => PortLike;
}

const defaultPort = (a: { path: string; baudRate: number }): PortLike => new SerialPort({ path: a.path, baudRate: a.baudRate, autoOpen: false });

/**
 * A scanner on a serial (USB-CDC) port. Opens the device, splits its bytes into codes, and when
 * the device disappears (USB unplug) or cannot be opened yet, retries with a growing delay until
 * it is back; a half-received code from before the unplug is dropped.
 */
export class SerialScanner implements Scanner {
  private port: PortLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay: number;
  private current: ScannerState = 'connecting';
  private readonly splitter = new FrameSplitter();
  private readonly scanListeners = new Set<(code: string) => void>();
  private readonly stateListeners = new Set<(state: ScannerState, reason?: string) => void>();
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly createPort: (address: { path: string; baudRate: number }) => PortLike;

  constructor(readonly uri: string, private readonly address: SerialScannerAddress, options: SerialScannerOptions = {}) {
    this.minDelay = options.minDelayMs ?? 250;
    this.maxDelay = options.maxDelayMs ?? 5000;
    this.delay = this.minDelay;
    this.createPort = options.createPort ?? defaultPort;
    this.connect();
  }

  get state(): ScannerState {
    return this.current;
  }

  onScan(listener: (code: string) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onState(listener: (state: ScannerState, reason?: string) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.setState('closed');
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    port?.removeAllListeners();
    port?.on('error', () => undefined);
  }

  private connect(): void {
    this.timer = undefined;
    if (this.current === 'closed') return;
    const port = this.createPort({ path: this.address.path, baudRate: this.address.baudRate });
    this.port = port;
    port.on('data', (chunk) => {
      if (this.port === port) for (const code of this.splitter.push(chunk)) this.emitScan(code);
    });
    // Errors also arrive through open's callback or as a 'close' with a disconnect error.
    port.on('error', () => undefined);
    port.on('close', (err) => {
      if (this.port !== port) return;
      this.port = undefined;
      port.removeAllListeners();
      port.on('error', () => undefined);
      this.lost(err?.message ?? 'port closed');
    });
    port.open((err) => {
      if (this.port !== port) {
        if (!err) port.close();
        return;
      }
      if (err) {
        this.port = undefined;
        port.removeAllListeners();
        port.on('error', () => undefined);
        this.lost(err.message);
        return;
      }
      this.delay = this.minDelay;
      this.setState('connected');
    });
  }

  private lost(reason: string): void {
    this.splitter.reset();
    if (this.current === 'closed') return;
    this.setState('disconnected', reason);
    this.timer = setTimeout(() => this.connect(), this.delay);
    this.delay = Math.min(this.delay * 2, this.maxDelay);
  }

  private emitScan(code: string): void {
    for (const listener of [...this.scanListeners]) listener(code);
  }

  private setState(state: ScannerState, reason?: string): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of [...this.stateListeners]) listener(state, reason);
  }
}
