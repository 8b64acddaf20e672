/** A timestamp as an administrator reads it: `2026-03-02 01:30:00Z`, or `-`. */
export function fmt(d: string | null): string {
  return d ? d.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

/** Columns padded to their widest cell, two spaces apart. */
export function table(head: string[], body: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(width[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
