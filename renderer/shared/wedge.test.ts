import { describe, expect, it } from 'vitest';
import { WedgeDetector, insertTyped, retractTyped, type EditableField, type WedgeVerdict } from './wedge.js';

/** Keys typed `gap` ms apart from `start`; '\n' stands for Enter. */
function keys(text: string, start: number, gap: number): { key: string; time: number }[] {
  return [...text].map((ch, i) => ({ key: ch === '\n' ? 'Enter' : ch, time: start + i * gap }));
}

/** Plays keys through a detector: what the page receives, what was scanned, what was retracted/released. */
function play(detector: WedgeDetector, events: { key: string; time: number }[]) {
  let typed = '';
  const scans: string[] = [];
  const retracted: string[] = [];
  const apply = (v: WedgeVerdict) => {
    if (v.release) typed += v.release;
    if (v.retract) {
      expect(typed.endsWith(v.retract)).toBe(true);
      typed = typed.slice(0, -v.retract.length);
      retracted.push(v.retract);
    }
    if (v.scan) scans.push(v.scan);
  };
  for (const e of events) {
    const v = detector.key(e);
    apply(v);
    if (!v.consume) typed += e.key === 'Enter' ? '⏎' : e.key.length === 1 ? e.key : '';
  }
  const last = events.at(-1)?.time ?? 0;
  const rest = detector.idle(last + 1000);
  if (rest) apply(rest);
  return { typed, scans, retracted };
}

describe('WedgeDetector', () => {
  it('a scanner burst ending in Enter becomes one code, and none of it stays typed', () => {
    const r = play(new WedgeDetector(), keys('A0123456789\n', 1000, 8));
    expect(r.scans).toEqual(['A0123456789']);
    expect(r.typed).toBe('');
    expect(r.retracted).toEqual(['A01']);
  });

  it('only the first three keys reach the page before the scan is recognised; the rest and Enter are held back', () => {
    const d = new WedgeDetector();
    const verdicts = keys('YY2024\n', 0, 5).map((k) => d.key(k));
    expect(verdicts.map((v) => v.consume)).toEqual([false, false, false, true, true, true, true]);
    expect(verdicts.at(-1)).toEqual({ consume: true, scan: 'YY2024', retract: 'YY2' });
  });

  it('a person typing and pressing Enter passes through untouched', () => {
    const r = play(new WedgeDetector(), keys('拍卖许可\n', 0, 150).concat(keys('auction\n', 2000, 90)));
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('拍卖许可⏎auction⏎');
  });

  it("a fast typist's rolled-over pair of keys is still typing", () => {
    const events = [
      { key: 'a', time: 0 },
      { key: 'b', time: 12 },
      { key: 'c', time: 160 },
      { key: 'd', time: 170 },
      { key: 'Enter', time: 300 },
    ];
    const r = play(new WedgeDetector(), events);
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('abcd⏎');
  });

  it('typing, then a scan, then typing: only the scanned part is taken out', () => {
    const r = play(new WedgeDetector(), [...keys('商务', 0, 200), ...keys('B0137\n', 1000, 10), ...keys('厅', 2000, 200)]);
    expect(r.scans).toEqual(['B0137']);
    expect(r.typed).toBe('商务厅');
  });

  it('two scans back to back give two codes', () => {
    const r = play(new WedgeDetector(), [...keys('A012\n', 0, 5), ...keys('A013\n', 30, 5)]);
    expect(r.scans).toEqual(['A012', 'A013']);
    expect(r.typed).toBe('');
  });

  it('a fast burst shorter than a code is typing, Enter included', () => {
    const r = play(new WedgeDetector(), keys('ab\n', 0, 5));
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('ab⏎');
  });

  it('Shift between characters (capitals) does not break a scan', () => {
    const events = [
      { key: 'Shift', time: 0 },
      { key: 'A', time: 3 },
      { key: '0', time: 10 },
      { key: 'Shift', time: 14 },
      { key: 'B', time: 18 },
      { key: '1', time: 25 },
      { key: '2', time: 32 },
      { key: 'Enter', time: 40 },
    ];
    expect(play(new WedgeDetector(), events).scans).toEqual(['A0B12']);
  });

  it('keys held back for a burst that stops without Enter are given back, in order', () => {
    const r = play(new WedgeDetector(), keys('qwertyu', 0, 10));
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('qwertyu');
  });

  it('a burst interrupted by a slow key gives back its held keys before that key', () => {
    const r = play(new WedgeDetector(), [...keys('zxcvb', 0, 10), { key: 'n', time: 500 }, { key: 'Enter', time: 700 }]);
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('zxcvbn⏎');
  });

  it('Backspace ends a burst and gives its held keys back', () => {
    const r = play(new WedgeDetector(), [...keys('12345', 0, 10), { key: 'Backspace', time: 55 }]);
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('12345');
  });

  it('idle() returns nothing while a burst may still go on', () => {
    const d = new WedgeDetector();
    for (const k of keys('A0123', 0, 5)) d.key(k);
    expect(d.idle(30)).toBeNull();
    expect(d.idle(100)).toEqual({ consume: false, release: '23' });
  });

  it('thresholds are configurable (slower scanners, Tab suffix)', () => {
    const r = play(new WedgeDetector({ maxGapMs: 60, minLength: 6, terminators: ['Tab'] }), [...keys('AP2024', 0, 50), { key: 'Tab', time: 300 }]);
    expect(r.scans).toEqual(['AP2024']);
  });
});

/** A text field as the hook sees it, with a caret. */
class FakeField implements EditableField {
  inputs = 0;
  constructor(public value: string, public selectionStart: number | null = value.length, public selectionEnd: number | null = selectionStart) {}
  setRangeText(text: string, start: number, end: number): void {
    this.value = this.value.slice(0, start) + text + this.value.slice(end);
    this.selectionStart = this.selectionEnd = start + text.length;
  }
  dispatchEvent(e: Event): boolean {
    if (e.type === 'input') this.inputs++;
    return true;
  }
}

describe('editing the focused field', () => {
  it("retractTyped removes a scan's first keys from before the caret and signals an input", () => {
    const f = new FakeField('拍卖A01');
    expect(retractTyped(f, 'A01')).toBe(true);
    expect(f.value).toBe('拍卖');
    expect(f.inputs).toBe(1);
  });

  it('retractTyped leaves the field alone when those keys are not there', () => {
    const f = new FakeField('拍卖', 2);
    expect(retractTyped(f, 'A01')).toBe(false);
    expect(f.value).toBe('拍卖');
    expect(f.inputs).toBe(0);
  });

  it('insertTyped types held keys at the caret', () => {
    const f = new FakeField('ac', 1);
    insertTyped(f, 'b');
    expect(f.value).toBe('abc');
    expect(f.selectionStart).toBe(2);
    expect(f.inputs).toBe(1);
  });
});
