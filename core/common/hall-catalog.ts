import type { CatalogIssue } from './catalog-validate.js';
import { counterSpan } from './counter-span.js';

/**
 * The one rule that keeps the hall and the catalog telling a visitor the same thing (issue 12): every
 * live procedure is served at exactly one line of each hall, a line serves only procedures the catalog
 * has, a line's counters exist in its hall, and where a department's place names a window, that window
 * serves the procedure's line. Used by the server's hall and catalog imports and the terminal's.
 */

export interface HallShape {
  hall: string;
  services: { code: string; procedures: readonly string[]; counters?: readonly number[] }[];
  counters: readonly number[];
}

export interface CatalogShape {
  departments: { code: string; place: Record<string, string | undefined> }[];
  procedures: { code: string; department: string; abolished?: unknown }[];
}

export interface HallCatalogIssue {
  /** Which file the problem is in: the hall configuration or the catalog. */
  in: 'hall' | 'catalog';
  /** The hall it concerns. */
  hall: string;
  /** Path inside that file's entry for the hall (services[1].counters[0]) or inside the catalog (procedures[4]). */
  path: string;
  message: string;
  procedure?: string;
}

/** Window numbers a place names: "…7号窗口", "window 7", "окно № 7". */
const WINDOW_PATTERNS = [/(\d+)\s*号窗口/g, /\bwindows?\s+(\d+)/gi, /окн[оа]\s*№?\s*(\d+)/gi];

export function windowsNamed(place: string): number[] {
  const out = new Set<number>();
  for (const re of WINDOW_PATTERNS) for (const m of place.matchAll(re)) out.add(Number(m[1]));
  return [...out];
}

/** What a hall must hold with or without a catalog: every line with procedures names its counters, and they exist in the hall. */
export function hallOwnIssues(hall: HallShape): HallCatalogIssue[] {
  return hall.services.flatMap((_, i) => lineCounterIssues(hall, i));
}

function lineCounterIssues(hall: HallShape, i: number): HallCatalogIssue[] {
  const s = hall.services[i]!;
  const counters = s.counters ?? [];
  const out: HallCatalogIssue[] = [];
  if (s.procedures.length > 0 && counters.length === 0) {
    out.push({ in: 'hall', hall: hall.hall, path: `services[${i}].counters`, message: `line ${s.code} serves procedures but names no counter that serves it` });
  }
  counters.forEach((c, j) => {
    if (!hall.counters.includes(c)) {
      out.push({ in: 'hall', hall: hall.hall, path: `services[${i}].counters[${j}]`, message: `line ${s.code} names counter ${c}, which hall ${hall.hall} does not have (its counters: ${counterSpan(hall.counters)})` });
    }
  });
  return out;
}

/** Every disagreement between the halls and the catalog, in hall order then catalog order. */
export function hallCatalogIssues(halls: readonly HallShape[], catalog: CatalogShape): HallCatalogIssue[] {
  const issues: HallCatalogIssue[] = [];
  const known = new Map(catalog.procedures.map((p) => [p.code, p]));
  const departments = new Map(catalog.departments.map((d, i) => [d.code, { d, i }]));
  for (const hall of halls) {
    const hallCounters = new Set(hall.counters);
    const lineOf = new Map<string, { code: string; counters: readonly number[] }>();
    hall.services.forEach((s, i) => {
      const counters = s.counters ?? [];
      issues.push(...lineCounterIssues(hall, i));
      s.procedures.forEach((code, j) => {
        const at = `services[${i}].procedures[${j}]`;
        const p = known.get(code);
        if (!p) {
          issues.push({ in: 'hall', hall: hall.hall, path: at, message: `procedure ${code} is not in the catalog`, procedure: code });
          return;
        }
        const first = lineOf.get(code);
        if (first) {
          issues.push({ in: 'hall', hall: hall.hall, path: at, message: `procedure ${code} is on line ${first.code} already: a procedure is served at one line`, procedure: code });
          return;
        }
        lineOf.set(code, { code: s.code, counters });
      });
    });
    catalog.procedures.forEach((p, i) => {
      if (p.abolished) return;
      const line = lineOf.get(p.code);
      if (!line) {
        issues.push({ in: 'catalog', hall: hall.hall, path: `procedures[${i}]`, message: `procedure ${p.code} is served at no line of hall ${hall.hall}`, procedure: p.code });
        return;
      }
      const dep = departments.get(p.department);
      if (!dep) return;
      for (const [lang, place] of Object.entries(dep.d.place)) {
        for (const w of windowsNamed(place ?? '')) {
          const path = `departments[${dep.i}].place.${lang}`;
          if (!hallCounters.has(w)) {
            issues.push({ in: 'catalog', hall: hall.hall, path, message: `the place names window ${w}, which hall ${hall.hall} does not have (its counters: ${counterSpan(hall.counters)})`, procedure: p.code });
          } else if (!line.counters.includes(w)) {
            const at = line.counters.length ? `counters ${counterSpan(line.counters)}` : 'no counter';
            issues.push({ in: 'catalog', hall: hall.hall, path, message: `the place names window ${w}, but ${p.code} is served at line ${line.code} (${at}) in hall ${hall.hall}`, procedure: p.code });
          }
        }
      }
    });
  }
  return dedupe(issues);
}

/**
 * The disagreements as a catalog import lists them: a path in the catalog, or `hall <code> <path>` in
 * the hall it contradicts. `hallHint` follows a hall-side issue no catalog could mend (a line's counters).
 */
export function asCatalogIssues(issues: readonly HallCatalogIssue[], hallHint = ''): CatalogIssue[] {
  return issues.map((i) => ({
    path: i.in === 'catalog' ? i.path : `hall ${i.hall} ${i.path}`,
    message: hallHint && i.in === 'hall' && !i.path.includes('procedures') ? `${i.message} ${hallHint}` : i.message,
    ...(i.procedure ? { procedure: i.procedure } : {}),
  }));
}

function dedupe(issues: HallCatalogIssue[]): HallCatalogIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.in}\u0000${i.hall}\u0000${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
