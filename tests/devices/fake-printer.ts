/** How a fake printer behaves: what it answers to DLE EOT and when it gives up on a job. */
export type FakeMode =
  | { kind: 'ready' }
  | { kind: 'paper-out' }
  /** Accepts the connection, reads nothing, answers nothing, never closes. */
  | { kind: 'silent' }
  /** Drops the connection (TCP reset) once it has read this many bytes. */
  | { kind: 'drop-after'; bytes: number }
  /** Nothing listens: connections are refused. */
  | { kind: 'refuse' };

/** DLE EOT answers of a printer with paper and of one whose paper ran out (paper end stops it: offline bit too). */
const ANSWERS = {
  ready: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-out': { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 },
} as const;

/**
 * Watches the bytes a printer receives for DLE EOT n and returns the answer bytes to send back.
 * Keeps the last two bytes of the previous chunk so a request split across chunks is still seen.
 */
export class StatusResponder {
  private tail: number[] = [];

  constructor(private readonly mode: () => FakeMode) {}

  feed(chunk: Uint8Array): number[] {
    const kind = this.mode().kind;
    // A printer that is about to drop the line still answers like a ready one.
    const mode = kind === 'drop-after' ? 'ready' : kind;
    const seq = [...this.tail, ...chunk];
    const replies: number[] = [];
    for (let i = 0; i + 2 < seq.length; i++) {
      if (i + 2 < this.tail.length) continue;
      const n = seq[i + 2]!;
      if (seq[i] === 0x10 && seq[i + 1] === 0x04 && n >= 1 && n <= 4 && (mode === 'ready' || mode === 'paper-out')) {
        replies.push(ANSWERS[mode][n as 1 | 2 | 3 | 4]);
      }
    }
    this.tail = seq.slice(-2);
    return replies;
  }
}
