// The Electron shell: starts the terminal service in-process, opens the role's windows, locks them
// down, restarts what crashes, prints A4. Kept thin: every decision is in a pure, tested module.
import { BrowserWindow, Menu, app, ipcMain, screen, session, type IpcMainInvokeEvent, type Session } from 'electron';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../terminal/app.js';
import { loadConfig } from '../terminal/config.js';
import { startTerminalService, type TerminalService } from '../terminal/service.js';
import { contentSecurityPolicy, withCsp } from './csp.js';
import { errorPageUrl } from './error-page.js';
import { CHANNELS, isTrustedSender, parsePrintA4, printDataUrl, type AppInfo, type PrintResult } from './ipc.js';
import { serviceEnv } from './paths.js';
import { RestartPolicy } from './restart-policy.js';
import { isBlockedOnClerkWindow, isBlockedOnLockedScreen } from './shortcuts.js';
import { appOrigins, isAllowedRequest, isAppUrl, isPermissionAllowed, screenUrl } from './url-policy.js';
import { planWindows, windowOptions, type DisplayInfo, type Screen, type WindowPlan } from './window-options.js';

const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const HANG_GRACE_MS = 15_000;
const LOOPBACK_OR_ANY = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '::']);
const allowDevTools = process.env.HALL_DEVTOOLS === '1' && !app.isPackaged;

const windows = new Map<BrowserWindow, Screen>();
let service: TerminalService | undefined;
let quitting = false;

function log(line: string): void {
  console.log(`[shell] ${line}`);
}

/** Session-wide rules: no remote requests, our CSP on our pages, only the camera, no devices. */
function hardenSession(ses: Session, port: number): void {
  ses.webRequest.onBeforeRequest({ urls: ['*://*/*'] }, (details, callback) => {
    const allowed = isAllowedRequest(details.url, port);
    if (!allowed) log(`blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  const csp = contentSecurityPolicy(port);
  ses.webRequest.onHeadersReceived({ urls: appOrigins(port).map((o) => `${o}/*`) }, (details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl, port)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, port));
  ses.setDevicePermissionHandler(() => false);
}

/** Every web contents, ours or not: no navigation off our origin, no new windows, no webviews. */
function hardenAllWebContents(port: number): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url, port)) {
        log(`blocked navigation to ${event.url}`);
        event.preventDefault();
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url, port)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      log(`blocked new window for ${url}`);
      return { action: 'deny' };
    });
  });
}

function sender(event: IpcMainInvokeEvent, port: number): boolean {
  const frame = event.senderFrame;
  const ok = isTrustedSender({ url: frame?.url, isMainFrame: frame !== null && frame.parent === null }, port);
  if (!ok) log(`refused IPC from ${frame?.url ?? 'a closed frame'}`);
  return ok;
}

function registerIpc(port: number, role: string): void {
  ipcMain.handle(CHANNELS.appInfo, (event): AppInfo | null => {
    if (!sender(event, port)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    return { version: VERSION, role, screen: (win && windows.get(win)) ?? '', electron: process.versions.electron ?? '', platform: process.platform };
  });
  ipcMain.handle(CHANNELS.printA4, async (event, arg: unknown): Promise<PrintResult> => {
    if (!sender(event, port)) return { ok: false, error: 'refused' };
    const parsed = parsePrintA4(arg);
    if (!parsed.ok) return parsed;
    return printA4(parsed.html);
  });
}

/** Prints on the A4 printer (HALL_A4_PRINTER, else the system default) from a hidden window that runs no script. */
async function printA4(html: string): Promise<PrintResult> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'hall-print', devTools: false },
  });
  try {
    await win.loadURL(printDataUrl(html));
    return await new Promise<PrintResult>((resolve) => {
      win.webContents.print({ silent: true, printBackground: true, pageSize: 'A4', deviceName: process.env.HALL_A4_PRINTER ?? '' }, (ok, reason) =>
        resolve(ok ? { ok: true } : { ok: false, error: reason || 'print failed' }),
      );
    });
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  } finally {
    win.destroy();
  }
}

function openWindow(plan: WindowPlan, port: number): BrowserWindow {
  const url = screenUrl(port, plan.screen);
  const win = new BrowserWindow(windowOptions(plan, { preload: PRELOAD, allowDevTools }));
  windows.set(win, plan.screen);
  const contents = win.webContents;
  const policy = new RestartPolicy();
  let hangTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const load = () => {
    if (!win.isDestroyed()) void win.loadURL(url).catch(() => undefined); // failures arrive as did-fail-load
  };
  const recover = (reason: string) => {
    if (quitting || win.isDestroyed()) return;
    const decision = policy.onCrash(Date.now());
    clearTimeout(retryTimer);
    if (decision.action === 'reload') {
      log(`${plan.screen}: ${reason}; reload #${decision.attempt} in ${decision.delayMs} ms`);
      retryTimer = setTimeout(load, decision.delayMs);
    } else {
      log(`${plan.screen}: ${reason}; too many restarts, showing the error page for ${decision.retryInMs} ms`);
      void win.loadURL(errorPageUrl(plan.screen, reason)).catch(() => undefined);
      retryTimer = setTimeout(load, decision.retryInMs);
    }
  };

  contents.on('render-process-gone', (_e, details) => recover(`renderer gone (${details.reason})`));
  contents.on('did-fail-load', (_e, code, description, _url, isMainFrame) => {
    if (isMainFrame && code !== -3 /* ERR_ABORTED: superseded by another load */) recover(`load failed (${description})`);
  });
  win.on('unresponsive', () => {
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (!win.isDestroyed()) contents.forcefullyCrashRenderer(); // arrives as render-process-gone
    }, HANG_GRACE_MS);
  });
  win.on('responsive', () => clearTimeout(hangTimer));
  contents.on('before-input-event', (event, input) => {
    const blocked = plan.locked ? isBlockedOnLockedScreen(input) : isBlockedOnClerkWindow(input, allowDevTools);
    if (blocked) event.preventDefault();
  });
  contents.on('did-finish-load', () => void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined));
  win.on('close', (event) => {
    if (plan.locked && !quitting) event.preventDefault();
  });
  win.on('closed', () => {
    clearTimeout(hangTimer);
    clearTimeout(retryTimer);
    windows.delete(win);
  });
  win.once('ready-to-show', () => {
    if (!plan.locked) win.maximize();
    win.show();
  });
  load();
  return win;
}

function displays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, primary: d.id === primaryId }));
}

async function main(): Promise<void> {
  const config = loadConfig(serviceEnv(process.env, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, userData: app.getPath('userData') }));
  if (!LOOPBACK_OR_ANY.has(config.host)) throw new Error(`HOST must be loopback (or a wildcard) for the shell's windows, got "${config.host}"`);
  if (config.role === 'kiosk' || config.role === 'rating') app.commandLine.appendSwitch('disable-pinch');
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required'); // the hall board's chime
  if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher');
  await app.whenReady();

  Menu.setApplicationMenu(null);
  service = await startTerminalService(config, log);
  hardenSession(session.defaultSession, service.port);
  hardenSession(session.fromPartition('hall-print'), service.port);
  hardenAllWebContents(service.port);
  registerIpc(service.port, config.role);

  const plans = planWindows(config.role, displays());
  if (plans.length === 0) throw new Error('no display found');
  for (const plan of plans) openWindow(plan, service.port);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const first = windows.keys().next().value;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!service) return;
    event.preventDefault();
    const s = service;
    service = undefined;
    void s.stop().finally(() => app.quit());
  });
  main().catch((err: unknown) => {
    console.error('[shell] could not start:', err);
    if (String(err).includes('NODE_MODULE_VERSION')) {
      // better-sqlite3 was built for plain Node; packaged builds rebuild it (npmRebuild), development does not.
      console.error('[shell] better-sqlite3 is built for Node, not Electron: run `npx @electron/rebuild -f -w better-sqlite3` (and `npm rebuild better-sqlite3` before running the Node tests again).');
    }
    app.exit(1);
  });
}
