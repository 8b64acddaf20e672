import { describe, expect, it } from 'vitest';
import type { BoardView } from '../../core/contract/hall-api.js';
import { applyCall, boardOptions, MAX_RECENT, recentCalls, serviceOf } from './board.js';
import { loadSoundChoice, saveSoundChoice, soundPlan } from './sound.js';

const base: BoardView = {
  hall: 'hq',
  online: true,
  counters: [
    { counterNo: 1, number: 'A011', service: 'A', staffNumber: '0101', presence: 'open' },
    { counterNo: 3, number: null, service: null, staffNumber: '0103', presence: 'open' },
  ],
  recent: [
    { number: 'A011', counterNo: 1, calledAt: '2026-11-26T09:10:00+08:00', callCount: 1 },
    { number: 'B002', counterNo: 3, calledAt: '2026-11-26T09:05:00+08:00', callCount: 1 },
  ],
  waiting: [{ service: 'A', name: { 'zh-CN': '综合咨询' }, count: 4 }],
  timeZone: 'Asia/Shanghai',
};

describe('call board state', () => {
  it('a call puts the number at its counter and at the top of the recent calls', () => {
    const v = applyCall(base, { number: 'A012', counterNo: 3, callCount: 1 }, '2026-11-26T09:12:00+08:00');
    expect(v.counters.find((c) => c.counterNo === 3)).toMatchObject({ number: 'A012', service: 'A', staffNumber: '0103', presence: 'open' });
    expect(v.counters.find((c) => c.counterNo === 1)?.number).toBe('A011');
    expect(v.recent.map((r) => r.number)).toEqual(['A012', 'A011', 'B002']);
  });

  it('a recall moves the number back to the top once, with its new call count', () => {
    const v = applyCall(base, { number: 'B002', counterNo: 3, callCount: 2 }, '2026-11-26T09:12:00+08:00');
    expect(v.recent.map((r) => [r.number, r.callCount])).toEqual([
      ['B002', 2],
      ['A011', 1],
    ]);
  });

  it('a ticket transferred to another counter leaves the counter that had it', () => {
    const v = applyCall(base, { number: 'A011', counterNo: 3, callCount: 2 }, '2026-11-26T09:12:00+08:00');
    expect(v.counters.map((c) => [c.counterNo, c.number])).toEqual([
      [1, null],
      [3, 'A011'],
    ]);
  });

  it('a counter the board did not know yet is added in order', () => {
    const v = applyCall(base, { number: 'T3-C005', counterNo: 2, callCount: 1 }, '2026-11-26T09:12:00+08:00');
    expect(v.counters.map((c) => c.counterNo)).toEqual([1, 2, 3]);
    expect(v.counters[1]).toMatchObject({ number: 'T3-C005', service: 'C' });
  });

  it('keeps at most a screenful of recent calls, one row per number', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ number: `A0${10 + i}`, counterNo: 1, calledAt: '2026-11-26T09:00:00+08:00', callCount: 1 }));
    expect(recentCalls([...many, many[0]!])).toHaveLength(MAX_RECENT);
    expect(recentCalls([many[0]!, many[1]!, many[0]!]).map((r) => r.number)).toEqual(['A010', 'A011']);
  });

  it('reads the line letter from plain and offline numbers', () => {
    expect(serviceOf('A012')).toBe('A');
    expect(serviceOf('T3-B005')).toBe('B');
    expect(serviceOf('??')).toBeNull();
  });
});

describe('board options from the URL', () => {
  it('is Chinese by default and announces in the board language', () => {
    expect(boardOptions('')).toEqual({ lang: 'zh-CN', announce: ['zh-CN'] });
    expect(boardOptions('?lang=en')).toEqual({ lang: 'en', announce: ['en'] });
  });
  it('announces in several languages when asked, ignoring unknown ones', () => {
    expect(boardOptions('?announce=zh-CN,en,xx,en')).toEqual({ lang: 'zh-CN', announce: ['zh-CN', 'en'] });
    expect(boardOptions('?lang=de')).toEqual({ lang: 'zh-CN', announce: ['zh-CN'] });
  });
});

describe('sound choice', () => {
  it('asks once while the browser blocks audio, and never again once answered', () => {
    expect(soundPlan(null, false)).toEqual({ ask: true, on: false });
    expect(soundPlan('on', false)).toEqual({ ask: true, on: false });
    expect(soundPlan('on', true)).toEqual({ ask: false, on: true });
    expect(soundPlan(null, true)).toEqual({ ask: false, on: true });
    expect(soundPlan('off', false)).toEqual({ ask: false, on: false });
    expect(soundPlan('off', true)).toEqual({ ask: false, on: false });
  });
  it('is remembered in storage', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadSoundChoice(store)).toBeNull();
    saveSoundChoice('off', store);
    expect(loadSoundChoice(store)).toBe('off');
    m.set('hall.sound', 'garbage');
    expect(loadSoundChoice(store)).toBeNull();
  });
});
