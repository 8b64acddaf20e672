// electron/main.ts wired to a fake Electron (electron/fake-electron.ts) and a real terminal service
// on a temp SQLite file: checks that the shell opens the right screens and applies its rules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/db/test-db.js';
import { createFakeElectron } from './fake-electron.js';

const main = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const customer = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };

let fake: ReturnType<typeof createFakeElectron>;
const tmp = tempDir('hall-shell-');
const savedEnv = { ...process.env };

async function startShell(role: string, displays = [main, customer]) {
  fake = createFakeElectron(displays, 1);
  vi.resetModules();
  vi.doMock('electron', () => fake.electron);
  process.env = { ...savedEnv, ROLE: role, PORT: '0', DATA_DIR: tmp.dir };
  await import('./main.js');
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0), { timeout: 20_000 });
  const url = fake.windows[0]!.webContents.loaded[0]!;
  return { port: Number(new URL(url).port), windows: fake.windows };
}

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  // Quit: main.ts stops the service on will-quit, then quits again.
  const quitsBefore = fake.electron.app.quitCalls;
  fake.electron.app.emit('before-quit');
  fake.electron.app.emit('will-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.electron.app.quitCalls).toBeGreaterThan(quitsBefore));
  process.env = savedEnv;
  vi.doUnmock('electron');
  vi.restoreAllMocks();
  tmp.cleanup();
});

function ipcEvent(url: string, sender: unknown, isMainFrame = true) {
  const frame: any = { url, parent: isMainFrame ? null : {} };
  return { senderFrame: frame, sender };
}

describe('electron/main.ts with a fake Electron', () => {
  it('a kiosk PC: one locked fullscreen kiosk window on the primary display, loading our kiosk screen from the running service', async () => {
    const { port, windows } = await startShell('kiosk');
    expect(windows).toHaveLength(1);
    const [kiosk] = windows;
    expect(kiosk!.options).toMatchObject({ kiosk: true, fullscreen: true, x: 0, y: 0 });
    expect(kiosk!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(kiosk!.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(kiosk!.webContents.loaded).toEqual([`http://127.0.0.1:${port}/kiosk`]);
    expect(fake.electron.app.switches).toContain('disable-pinch');
    expect((fake.electron as any).menu).toBeNull();
    // The service is really there.
    const res = await fetch(`http://127.0.0.1:${port}/kiosk`);
    expect(res.status).toBe(200);
  });

  it('a counter PC: the counter on the main display and the locked rating screen on the customer-facing one', async () => {
    const { port, windows } = await startShell('counter');
    expect(windows.map((w) => w.webContents.loaded[0])).toEqual([`http://127.0.0.1:${port}/counter`, `http://127.0.0.1:${port}/rating`]);
    expect(windows[0]!.options.kiosk).toBeUndefined();
    expect(windows[1]!.options).toMatchObject({ kiosk: true, x: 1920 });
  });

  it('blocks navigation off our origin and every new window, and swallows escape shortcuts on the kiosk', async () => {
    const { port, windows } = await startShell('kiosk');
    const wc = windows[0]!.webContents;
    expect(wc.navigate(`http://127.0.0.1:${port}/kiosk/negative-list`)).toBe(true);
    expect(wc.navigate('https://evil.example/')).toBe(false);
    expect(wc.navigate(`http://127.0.0.1:${port}@evil.example/`)).toBe(false);
    expect(wc.navigate('file:///etc/passwd')).toBe(false);
    expect(wc.windowOpenHandler!({ url: `http://127.0.0.1:${port}/kiosk` })).toEqual({ action: 'deny' });
    let prevented = false;
    wc.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type: 'keyDown', key: 'F4', alt: true, control: false, meta: false, shift: false });
    expect(prevented).toBe(true);
  });

  it('adds the CSP to our responses, cancels remote requests, and grants only the camera to our origin', async () => {
    const { port } = await startShell('kiosk');
    const s = fake.defaultSession;
    expect(s.headersReceived!.filter.urls).toEqual([`http://127.0.0.1:${port}/*`, `http://localhost:${port}/*`]);
    let headers: any;
    s.headersReceived!.fn({ responseHeaders: { 'content-type': ['text/html'] } }, (r: any) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self'");
    let cancel: boolean | undefined;
    s.beforeRequest!({ url: 'https://cdn.example.com/x.js' }, (r: any) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    s.beforeRequest!({ url: `http://127.0.0.1:${port}/api/live` }, (r: any) => (cancel = r.cancel));
    expect(cancel).toBe(false);
    let granted: boolean | undefined;
    s.permissionRequest!({}, 'media', (g: boolean) => (granted = g), { requestingUrl: `http://127.0.0.1:${port}/counter` });
    expect(granted).toBe(true);
    s.permissionRequest!({}, 'geolocation', (g: boolean) => (granted = g), { requestingUrl: `http://127.0.0.1:${port}/counter` });
    expect(granted).toBe(false);
    expect(s.devicePermission!({})).toBe(false);
  });

  it('answers IPC only from the top frame of our own screens', async () => {
    const { port, windows } = await startShell('kiosk');
    const wc = windows[0]!.webContents;
    const appInfo = fake.handlers.get('hall:app-info')!;
    expect(appInfo(ipcEvent(`http://127.0.0.1:${port}/kiosk`, wc))).toMatchObject({ role: 'kiosk', screen: 'kiosk' });
    expect(appInfo(ipcEvent('https://evil.example/', wc))).toBeNull();
    expect(appInfo(ipcEvent(`http://127.0.0.1:${port}/kiosk`, wc, false))).toBeNull();
    const print = fake.handlers.get('hall:print-a4')!;
    expect(await print(ipcEvent('https://evil.example/', wc), '<p>x</p>')).toEqual({ ok: false, error: 'refused' });
    expect((await print(ipcEvent(`http://127.0.0.1:${port}/kiosk`, wc), 42)).ok).toBe(false);
    expect(await print(ipcEvent(`http://127.0.0.1:${port}/kiosk`, wc), '<p>清单</p>')).toEqual({ ok: true });
    // The print window runs no script and its document is a data: URL.
    const printWin = windows.at(-1)!;
    expect(printWin.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(printWin.webContents.loaded[0]).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(printWin.isDestroyed()).toBe(true);
  });

  it('reloads a screen whose renderer is gone', async () => {
    const { port, windows } = await startShell('hall');
    const wc = windows[0]!.webContents;
    wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(wc.loaded).toEqual([`http://127.0.0.1:${port}/hall`, `http://127.0.0.1:${port}/hall`]), { timeout: 5_000 });
  });
});
