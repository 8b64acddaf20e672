import type { HallConfig } from '../../core/contract/index.js';
import { counterSpan } from '../../core/common/counter-span.js';

/** A hall's config as the administrator reads it in a terminal window. */
export function hallTable(c: HallConfig): string {
  const head = ['LINE', 'NAME', 'COUNTERS', 'A CLERK', 'B CLERK', 'PROCEDURES'];
  const body = c.services.map((s) => [s.code, s.name['zh-CN'], s.counters.length ? counterSpan(s.counters) : (s.counterArea ?? '-'), s.aClerk ?? '-', s.bClerk ?? '-', s.procedures.join(',') || '-']);
  // CJK characters take two columns in a terminal.
  const cols = (t: string) => [...t].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const width = head.map((h, i) => Math.max(cols(h), ...body.map((r) => cols(r[i] ?? ''))));
  const lines = [head, ...body].map((r) => r.map((cell, i) => cell + ' '.repeat((width[i] ?? 0) - cols(cell))).join('  ').trimEnd());
  return [`Hall ${c.hall}: counters ${c.counters.join(', ')}`, ...lines].join('\n');
}
