// Which windows a terminal opens, on which display, with which BrowserWindow options. Pure: the
// Electron types are imported for checking only and erased at run time.
import type { BrowserWindowConstructorOptions } from 'electron';

export type TerminalRole = 'kiosk' | 'counter' | 'rating' | 'hall';
export type Screen = 'kiosk' | 'counter' | 'rating' | 'hall';

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  primary: boolean;
}

export interface WindowPlan {
  screen: Screen;
  display: DisplayInfo;
  /** Locked down: kiosk mode, fullscreen, no way out by keyboard. */
  locked: boolean;
}

/** The display marked primary, else the first one. */
export function primaryDisplay(displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  return displays.find((d) => d.primary) ?? displays[0];
}

/** The first display that is not the primary one (the customer-facing screen at a counter). */
export function secondaryDisplay(displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  const primary = primaryDisplay(displays);
  return displays.find((d) => d !== primary && d.id !== primary?.id);
}

/**
 * One window per screen of the role (DESIGN.md section 3): a kiosk PC shows the kiosk; a counter PC
 * shows the counter on its main display and the rating screen on the customer-facing one when it
 * has one; a hall PC shows the board; a PC configured as `rating` shows only the rating screen.
 * Every public-facing screen is locked; the clerk's counter window is an ordinary window.
 */
export function planWindows(role: TerminalRole, displays: readonly DisplayInfo[]): WindowPlan[] {
  const primary = primaryDisplay(displays);
  if (!primary) return [];
  switch (role) {
    case 'kiosk':
      return [{ screen: 'kiosk', display: primary, locked: true }];
    case 'hall':
      return [{ screen: 'hall', display: primary, locked: true }];
    case 'rating':
      return [{ screen: 'rating', display: primary, locked: true }];
    case 'counter': {
      const plans: WindowPlan[] = [{ screen: 'counter', display: primary, locked: false }];
      const customer = secondaryDisplay(displays);
      if (customer) plans.push({ screen: 'rating', display: customer, locked: true });
      return plans;
    }
  }
}

const TITLES: Record<Screen, string> = {
  kiosk: '咨询服务处 · Kiosk',
  counter: '咨询服务处 · Counter',
  rating: '咨询服务处 · Rating',
  hall: '咨询服务处 · Hall',
};

/** The security flags every window gets, whatever its role (Electron's security checklist). */
export function secureWebPreferences(preload: string, devTools: boolean): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

/**
 * BrowserWindow options for a planned window. Devtools are possible only on the clerk's counter
 * window and only when asked for (HALL_DEVTOOLS=1); never on a screen the public touches.
 */
export function windowOptions(plan: WindowPlan, opts: { preload: string; allowDevTools: boolean }): BrowserWindowConstructorOptions {
  const { x, y, width, height } = plan.display.bounds;
  const base: BrowserWindowConstructorOptions = {
    x,
    y,
    width,
    height,
    title: TITLES[plan.screen],
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preload, !plan.locked && opts.allowDevTools),
  };
  if (!plan.locked) return base;
  return {
    ...base,
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
  };
}
