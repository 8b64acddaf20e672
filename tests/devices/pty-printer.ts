import { SerialPort } from 'serialport';
import { StatusResponder, type FakeMode } from './fake-printer.js';

/** A receipt printer at the far end of a pseudo-terminal: records what arrives and answers DLE EOT. */
export class PtyPrinter {
  bytes = Buffer.alloc(0);
  private current: FakeMode = { kind: 'ready' };
  private readonly waiters: (() => void)[] = [];

  private constructor(private readonly port: SerialPort) {
    const responder = new StatusResponder(() => this.current);
    port.on('data', (chunk: Buffer) => {
      this.bytes = Buffer.concat([this.bytes, chunk]);
      const replies = responder.feed(chunk);
      if (replies.length) port.write(Uint8Array.from(replies));
      // drop-after on a serial line: stop reading there, so the line backs up until the cable is pulled.
      if (this.current.kind === 'drop-after' && this.bytes.length >= this.current.bytes) port.pause();
      for (const w of this.waiters.splice(0)) w();
    });
  }

  get mode(): FakeMode {
    return this.current;
  }

  /** `silent` stops reading, so the line backs up as behind a stalled printer (flow control). */
  set mode(mode: FakeMode) {
    this.current = mode;
    if (mode.kind === 'silent') this.port.pause();
    else this.port.resume();
  }

  static async open(path: string): Promise<PtyPrinter> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    return new PtyPrinter(port);
  }

  async waitForBytes(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.bytes.length < count) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} bytes within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the bytes received end with a cut (GS V 66 n), i.e. a whole job has arrived. */
  async waitForCut(timeoutMs = 10_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    const done = () => {
      const n = this.bytes.length;
      return n >= 4 && this.bytes[n - 4] === 0x1d && this.bytes[n - 3] === 0x56 && this.bytes[n - 2] === 66;
    };
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`no whole job within ${timeoutMs} ms (${this.bytes.length} bytes so far)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.bytes;
  }

  clear(): void {
    this.bytes = Buffer.alloc(0);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }
}
