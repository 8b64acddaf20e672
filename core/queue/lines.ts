import type { CounterPresence, HallConfig, ServiceCode } from '../contract/index.js';

export interface CoveredLine {
  code: ServiceCode;
  role: 'A' | 'B';
  /** A B line is served only while its A clerk is not signed in and present at some counter. */
  active: boolean;
}

/** The lines a clerk serves (AB角, seed 三(五)): theirs as A always, theirs as B while A is away. */
export function linesOf(config: HallConfig, login: string, presence: CounterPresence[]): CoveredLine[] {
  const present = new Set(presence.filter((p) => p.state === 'in' && p.staff).map((p) => p.staff));
  const out: CoveredLine[] = [];
  for (const s of config.services) {
    if (s.aClerk === login) out.push({ code: s.code, role: 'A', active: true });
    else if (s.bClerk === login) out.push({ code: s.code, role: 'B', active: !s.aClerk || !present.has(s.aClerk) });
  }
  return out;
}
