import type { Lang } from '../../core/contract/common.js';
import { counterSpan } from '../../core/common/counter-span.js';
import { translator } from './locales/index.js';

/** Where a line is served, in the visitor's language, from its counter numbers ("1–2号窗口", "Counters 1–2"); a line naming none keeps its old free text. */
export function counterAreaText(line: { counters: readonly number[]; counterArea?: string | undefined }, lang: Lang): string {
  if (line.counters.length === 0) return line.counterArea ?? '—';
  return translator(lang)(line.counters.length === 1 ? 'common.counterOne' : 'common.counterMany', { span: counterSpan(line.counters) });
}
