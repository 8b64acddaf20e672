import { LANGS, type Lang } from '../../core/contract/common.js';
import type { BoardView } from '../../core/contract/hall-api.js';

/** The call board's state changes, free of React so they are tested directly. */

export type Call = { number: string; counterNo: number; callCount: number };
export type RecentCall = BoardView['recent'][number];

/** Rows kept in "recently called": as many as stay readable from across the hall. */
export const MAX_RECENT = 8;
/** How long a newly called number flashes. */
export const FLASH_MS = 6000;

/** A012 → A; T3-A005 (numbered offline by terminal T3) → A. */
export function serviceOf(number: string): string | null {
  return /([A-Z])\d+$/.exec(number)?.[1] ?? null;
}

/**
 * The rows of "recently called": the service sends them newest first; one row per number (a recall
 * moves its number back to the top). Not re-sorted by time: offline calls carry the terminal's clock.
 */
export function recentCalls(recent: readonly RecentCall[], max = MAX_RECENT): RecentCall[] {
  const seen = new Set<string>();
  return recent.filter((r) => !seen.has(r.number) && seen.add(r.number)).slice(0, max);
}

/**
 * The board right after `call`, before the refetch answers: the number is now at its counter (and
 * at no other), and heads the recent calls.
 */
export function applyCall(view: BoardView, call: Call, calledAt: string): BoardView {
  const service = serviceOf(call.number);
  const counters = view.counters.map((c) => {
    // Whoever called is there: the counter is open.
    if (c.counterNo === call.counterNo) return { ...c, number: call.number, service, presence: 'open' as const };
    return c.number === call.number ? { ...c, number: null, service: null } : c;
  });
  if (!counters.some((c) => c.counterNo === call.counterNo)) {
    counters.push({ counterNo: call.counterNo, number: call.number, service, staffNumber: null, presence: 'open' });
    counters.sort((a, b) => a.counterNo - b.counterNo);
  }
  const recent = recentCalls([{ number: call.number, counterNo: call.counterNo, calledAt, callCount: call.callCount }, ...view.recent.filter((r) => r.number !== call.number)]);
  return { ...view, counters, recent };
}

export interface BoardOptions {
  /** The language the board is shown in. */
  lang: Lang;
  /** The languages each call is announced in, in order. */
  announce: Lang[];
}

function asLang(s: string | null | undefined): Lang | null {
  const v = s?.trim();
  return v && (LANGS as readonly string[]).includes(v) ? (v as Lang) : null;
}

/** `?lang=en` shows the board in English; `?announce=zh-CN,en` says each call in both. Chinese by default. */
export function boardOptions(search: string): BoardOptions {
  const q = new URLSearchParams(search);
  const lang = asLang(q.get('lang')) ?? 'zh-CN';
  const announce = [...new Set((q.get('announce') ?? '').split(',').map(asLang).filter((l): l is Lang => l !== null))];
  return { lang, announce: announce.length ? announce : [lang] };
}
