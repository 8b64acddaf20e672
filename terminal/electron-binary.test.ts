import { describe, expect, it } from 'vitest';
import { browserFallbackMessage, electronEnv, findElectronBinary } from './electron-binary.js';

describe('findElectronBinary', () => {
  it('returns the path the electron package names when the file is there', () => {
    expect(findElectronBinary(() => '/x/electron', (p) => p === '/x/electron')).toBe('/x/electron');
  });

  it('returns null when the electron package throws because its download never ran', () => {
    expect(findElectronBinary(() => { throw new Error('Electron failed to install correctly'); })).toBeNull();
  });

  it('returns null when the named file is missing or the export is not a path', () => {
    expect(findElectronBinary(() => '/x/electron', () => false)).toBeNull();
    expect(findElectronBinary(() => ({}), () => true)).toBeNull();
    expect(findElectronBinary(() => '', () => true)).toBeNull();
  });

  it('on this machine, with the binary not downloaded, falls back (the real package lookup does not throw through)', () => {
    expect(() => findElectronBinary()).not.toThrow();
  });
});

describe('browserFallbackMessage', () => {
  it('says Electron is missing and gives the kiosk URL and a Chromium kiosk command', () => {
    const msg = browserFallbackMessage('http://127.0.0.1:4780', 'kiosk');
    expect(msg).toContain('Electron binary not found');
    expect(msg).toContain('http://127.0.0.1:4780/kiosk');
    expect(msg).toContain('chromium --kiosk http://127.0.0.1:4780/kiosk');
  });

  it('for a counter PC names both the counter and the customer-facing rating screen', () => {
    const msg = browserFallbackMessage('http://127.0.0.1:5000', 'counter');
    expect(msg).toContain('http://127.0.0.1:5000/counter');
    expect(msg).toContain('http://127.0.0.1:5000/rating');
  });
});

describe('browserFallbackMessage for a whole office', () => {
  it('names every screen of the office, the customer-facing rating screen and the status page included', () => {
    const msg = browserFallbackMessage('http://127.0.0.1:4780', 'office');
    for (const s of ['kiosk', 'counter', 'rating', 'hall', 'status']) expect(msg).toContain(`Open the ${s} screen in a browser: http://127.0.0.1:4780/${s}`);
  });
});

describe('electronEnv', () => {
  it('drops ELECTRON_RUN_AS_NODE so the child starts as the app, and keeps the rest', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PORT: '5000', DATA_DIR: '/d' })).toEqual({ PORT: '5000', DATA_DIR: '/d' });
  });
});
