import { describe, expect, it } from 'vitest';
import { applyKey } from './Osk.js';

describe('on-screen keyboard keys', () => {
  it('types pinyin initials letter by letter', () => {
    expect(['p', 'm'].reduce(applyKey, '')).toBe('pm');
  });
  it('backspace removes one whole character, also a Chinese one typed with a real keyboard', () => {
    expect(applyKey('拍卖', 'backspace')).toBe('拍');
    expect(applyKey('', 'backspace')).toBe('');
  });
  it('clear empties the search', () => {
    expect(applyKey('pai mai', 'clear')).toBe('');
  });
  it('space separates syllables but never doubles or leads', () => {
    expect(applyKey('pai', 'space')).toBe('pai ');
    expect(applyKey('pai ', 'space')).toBe('pai ');
    expect(applyKey('', 'space')).toBe('');
  });
});
