/** Shared pieces for `npm run bench`: each benchmark is a module exporting a Benchmark that run.ts calls. */

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<void> | void;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Milliseconds taken by one call. */
export function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A plain text table with right-aligned numeric columns. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const width = (s: string) => Array.from(s).reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, c) => Math.max(...cells.map((r) => width(r[c] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - width(cell));
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const ms = (x: number) => x.toFixed(x < 10 ? 3 : 1);
