import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogFile } from '../contract/catalog.js';
import { HallConfig } from '../contract/queue.js';
import { counterSpan } from './counter-span.js';
import { hallCatalogIssues, windowsNamed, type CatalogShape, type HallShape } from './hall-catalog.js';

const seedCatalog = CatalogFile.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/commerce.json', import.meta.url), 'utf8')));
const seedHall = HallConfig.parse(JSON.parse(readFileSync(new URL('../../assets/hall/default.json', import.meta.url), 'utf8')));

const catalog = (): CatalogShape => ({
  departments: [
    { code: 'D1', place: { 'zh-CN': '咨询服务处（一楼大厅）', en: 'Consultation Service Office' } },
    { code: 'D2', place: { 'zh-CN': '咨询服务处 4号窗口', en: 'Consultation Service Office, window 4', ru: 'окно № 4' } },
  ],
  procedures: [
    { code: 'P-01', department: 'D1' },
    { code: 'P-02', department: 'D2' },
    { code: 'P-03', department: 'D1', abolished: { date: '2020-01-01' } },
  ],
});
const hall = (): HallShape => ({
  hall: 'main',
  services: [
    { code: 'A', procedures: ['P-01'], counters: [1, 2] },
    { code: 'B', procedures: ['P-02'], counters: [4] },
  ],
  counters: [1, 2, 3, 4],
});

describe('the hall and the catalog agree on where each matter is served', () => {
  it('the shipped hall and catalog agree: every live procedure has a line, every window exists', () => {
    expect(hallCatalogIssues([seedHall], seedCatalog)).toEqual([]);
    const abolished = seedCatalog.procedures.filter((p) => p.abolished).map((p) => p.code);
    expect(abolished).toEqual(expect.arrayContaining(['FT-05', 'FI-05']));
    const line = (code: string) => seedHall.services.find((s) => s.procedures.includes(code));
    expect(line('TT-01')).toMatchObject({ code: 'D', counters: [5] });
    expect(line('OI-03')).toMatchObject({ code: 'B', counters: [3] });
  });

  it('a consistent pair has no issue; an abolished procedure needs no line', () => {
    expect(hallCatalogIssues([hall()], catalog())).toEqual([]);
  });

  it('lists every problem at once, each with the file and path it is in', () => {
    const h = hall();
    h.services[0] = { code: 'A', procedures: ['P-01', 'NOPE-99'], counters: [1, 7] };
    h.services[1] = { code: 'B', procedures: ['P-01'], counters: [3] };
    const c = catalog();
    c.procedures.push({ code: 'P-04', department: 'D1' });
    expect(hallCatalogIssues([h], c)).toEqual([
      { in: 'hall', hall: 'main', path: 'services[0].counters[1]', message: 'line A names counter 7, which hall main does not have (its counters: 1–4)' },
      { in: 'hall', hall: 'main', path: 'services[0].procedures[1]', message: 'procedure NOPE-99 is not in the catalog', procedure: 'NOPE-99' },
      { in: 'hall', hall: 'main', path: 'services[1].procedures[0]', message: 'procedure P-01 is on line A already: a procedure is served at one line', procedure: 'P-01' },
      { in: 'catalog', hall: 'main', path: 'procedures[1]', message: 'procedure P-02 is served at no line of hall main', procedure: 'P-02' },
      { in: 'catalog', hall: 'main', path: 'procedures[3]', message: 'procedure P-04 is served at no line of hall main', procedure: 'P-04' },
    ]);
  });

  it('a place that names a window the hall lacks, or one of another line, is refused in every language it says so', () => {
    const h = hall();
    h.services[1]!.counters = [3];
    const issues = hallCatalogIssues([h], catalog());
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'departments[1].place.zh-CN: the place names window 4, but P-02 is served at line B (counters 3) in hall main',
      'departments[1].place.en: the place names window 4, but P-02 is served at line B (counters 3) in hall main',
      'departments[1].place.ru: the place names window 4, but P-02 is served at line B (counters 3) in hall main',
    ]);
    const small = { ...hall(), counters: [1, 2] };
    small.services[1]!.counters = [2];
    expect(hallCatalogIssues([small], catalog()).map((i) => i.message)).toContain('the place names window 4, which hall main does not have (its counters: 1–2)');
  });

  it('a line that serves procedures must name its counters', () => {
    const h = hall();
    delete h.services[0]!.counters;
    expect(hallCatalogIssues([h], catalog())).toEqual([
      { in: 'hall', hall: 'main', path: 'services[0].counters', message: 'line A serves procedures but names no counter that serves it' },
    ]);
  });

  it('every hall is checked on its own', () => {
    const other = { ...hall(), hall: 'north', services: [{ code: 'A', procedures: ['P-01'], counters: [1] }] };
    expect(hallCatalogIssues([hall(), other], catalog()).map((i) => `${i.hall} ${i.path}`)).toEqual(['north procedures[1]']);
  });
});

describe('reading window numbers', () => {
  it('finds the windows a place names in each language, and none in a place without one', () => {
    expect(windowsNamed('省商务厅咨询服务处（一楼大厅）7号窗口')).toEqual([7]);
    expect(windowsNamed('ground-floor hall, window 12')).toEqual([12]);
    expect(windowsNamed('зал на первом этаже, окно № 3')).toEqual([3]);
    expect(windowsNamed('省商务厅咨询服务处（一楼大厅）')).toEqual([]);
  });

  it('writes counters as runs', () => {
    expect(counterSpan([2, 1, 3])).toBe('1–3');
    expect(counterSpan([1, 3])).toBe('1, 3');
    expect(counterSpan([5, 1, 2])).toBe('1–2, 5');
    expect(counterSpan([])).toBe('');
  });
});
