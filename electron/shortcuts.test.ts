import { describe, expect, it } from 'vitest';
import { isBlockedOnClerkWindow, isBlockedOnLockedScreen, type KeyInput } from './shortcuts.js';

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { type: 'keyDown', key: k, control: false, alt: false, meta: false, shift: false, ...mods };
}

describe('isBlockedOnLockedScreen', () => {
  it.each([
    ['reload', key('r', { control: true })],
    ['hard reload', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['devtools', key('I', { control: true, shift: true })],
    ['F12', key('F12')],
    ['close window', key('w', { control: true })],
    ['quit', key('q', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['back', key('ArrowLeft', { alt: true })],
    ['the menu bar (Alt alone)', key('Alt', { alt: true })],
    ['leave fullscreen', key('F11')],
    ['print dialog', key('p', { control: true })],
    ['new window', key('n', { control: true })],
    ['zoom in', key('=', { control: true })],
    ['zoom out', key('-', { control: true })],
    ['view source', key('u', { control: true })],
    ['the Windows/Super key', key('Meta', { meta: true })],
    ['browser back key', key('BrowserBack')],
  ])('swallows %s', (_name, input) => {
    expect(isBlockedOnLockedScreen(input)).toBe(true);
  });

  it.each([
    ['typing a letter', key('a')],
    ['typing a capital', key('A', { shift: true })],
    ['digits', key('7')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Escape (closes our own dialogs)', key('Escape')],
    ['Tab between fields', key('Tab')],
    ['copy', key('c', { control: true })],
    ['paste', key('v', { control: true })],
    ['undo', key('z', { control: true })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedOnLockedScreen(input)).toBe(false);
  });

  it('ignores key releases', () => {
    expect(isBlockedOnLockedScreen({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});

describe('isBlockedOnClerkWindow', () => {
  it('never lets the clerk reload away work in progress', () => {
    expect(isBlockedOnClerkWindow(key('F5'), true)).toBe(true);
    expect(isBlockedOnClerkWindow(key('r', { control: true }), true)).toBe(true);
  });

  it('opens devtools only when they are allowed', () => {
    expect(isBlockedOnClerkWindow(key('F12'), false)).toBe(true);
    expect(isBlockedOnClerkWindow(key('I', { control: true, shift: true }), false)).toBe(true);
    expect(isBlockedOnClerkWindow(key('F12'), true)).toBe(false);
  });

  it('leaves ordinary typing and Alt+Tab-style work alone', () => {
    expect(isBlockedOnClerkWindow(key('a'), false)).toBe(false);
    expect(isBlockedOnClerkWindow(key('p', { control: true }), false)).toBe(false);
  });
});
