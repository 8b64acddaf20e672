import { describe, expect, it } from 'vitest';
import { planWindows, primaryDisplay, secondaryDisplay, windowOptions, type DisplayInfo } from './window-options.js';

const main: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true };
const customer: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 }, primary: false };

describe('display choice', () => {
  it('finds the primary display even when it is not listed first', () => {
    expect(primaryDisplay([customer, main])).toBe(main);
    expect(secondaryDisplay([customer, main])).toBe(customer);
  });

  it('falls back to the first display when none is marked primary, and has no secondary with one display', () => {
    const only = { ...main, primary: false };
    expect(primaryDisplay([only])).toBe(only);
    expect(secondaryDisplay([only])).toBeUndefined();
  });
});

describe('planWindows', () => {
  it('a kiosk PC opens one locked kiosk window on the primary display', () => {
    expect(planWindows('kiosk', [customer, main])).toEqual([{ screen: 'kiosk', display: main, locked: true }]);
  });

  it('a counter PC opens the counter on the primary display and the locked rating screen on the customer-facing one', () => {
    expect(planWindows('counter', [main, customer])).toEqual([
      { screen: 'counter', display: main, locked: false },
      { screen: 'rating', display: customer, locked: true },
    ]);
  });

  it('a counter PC with a single display opens only the counter window', () => {
    expect(planWindows('counter', [main]).map((p) => p.screen)).toEqual(['counter']);
  });

  it('a hall PC opens one locked board; a rating PC one locked rating screen', () => {
    expect(planWindows('hall', [main])).toEqual([{ screen: 'hall', display: main, locked: true }]);
    expect(planWindows('rating', [main])).toEqual([{ screen: 'rating', display: main, locked: true }]);
  });

  it('opens nothing when there is no display', () => {
    expect(planWindows('kiosk', [])).toEqual([]);
  });
});

describe('windowOptions', () => {
  const preload = '/app/dist-electron/electron/preload.cjs';

  it('every window, locked or not, keeps Node out of the page and isolates it', () => {
    for (const plan of [...planWindows('kiosk', [main]), ...planWindows('counter', [main, customer])]) {
      const wp = windowOptions(plan, { preload, allowDevTools: true }).webPreferences!;
      expect(wp).toMatchObject({
        preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
      });
    }
  });

  it('the kiosk window is a fullscreen kiosk that cannot be closed, moved or inspected', () => {
    const opts = windowOptions(planWindows('kiosk', [main])[0]!, { preload, allowDevTools: true });
    expect(opts).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, autoHideMenuBar: true });
    expect(opts.webPreferences!.devTools).toBe(false);
  });

  it('places each window on its display', () => {
    const [, rating] = planWindows('counter', [main, customer]);
    expect(windowOptions(rating!, { preload, allowDevTools: false })).toMatchObject({ x: 1920, y: 0, width: 1280, height: 800, kiosk: true });
  });

  it('the clerk window gets devtools only when asked for, and is an ordinary window', () => {
    const [counter] = planWindows('counter', [main]);
    expect(windowOptions(counter!, { preload, allowDevTools: false }).webPreferences!.devTools).toBe(false);
    const withTools = windowOptions(counter!, { preload, allowDevTools: true });
    expect(withTools.webPreferences!.devTools).toBe(true);
    expect(withTools.kiosk).toBeUndefined();
  });
});
