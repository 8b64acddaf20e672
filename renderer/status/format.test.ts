import { describe, expect, it } from 'vitest';
import { absoluteTime, clockDirection, duration, relativeTime } from './format.js';

const now = new Date('2026-11-26T02:00:00Z');

describe('status times', () => {
  it('says how long ago in each language', () => {
    expect(relativeTime('2026-11-26T01:57:00Z', now, 'zh-CN')).toBe('3分钟前');
    expect(relativeTime('2026-11-26T01:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(relativeTime('2026-11-26T01:57:00Z', now, 'ru')).toBe('3 минуты назад');
    expect(relativeTime('2026-11-26T01:59:50Z', now, 'zh-CN')).toBe('现在');
    expect(relativeTime('2026-11-25T23:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-11-23T02:00:00Z', now, 'en')).toBe('3 days ago');
  });

  it('gives the full date and time to the second', () => {
    expect(absoluteTime('2026-11-26T02:00:05Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月26日 10:00:05');
    expect(absoluteTime('2026-11-26T02:00:05Z', 'en', 'Asia/Shanghai')).toBe('November 26, 2026 at 10:00:05');
  });

  it('words a clock offset in minutes (seconds below one), with plurals', () => {
    expect(duration(5 * 60_000 + 10_000, 'zh-CN')).toBe('5分钟');
    expect(duration(-60_000, 'en')).toBe('1 minute');
    expect(duration(5 * 60_000, 'ru')).toBe('5 минут');
    expect(duration(1200, 'en')).toBe('1 second');
  });

  it('a positive offset (server ahead) means this clock is behind', () => {
    expect(clockDirection(120_000)).toBe('behind');
    expect(clockDirection(-120_000)).toBe('ahead');
  });
});
