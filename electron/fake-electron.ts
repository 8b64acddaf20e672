/* eslint-disable @typescript-eslint/no-explicit-any -- a loose test double for Electron objects */
// A stand-in for the parts of Electron that electron/main.ts touches, for tests in plain Node:
// it records what main.ts asks for, so a test can play the part of Chromium (navigate, crash, send IPC).
import { EventEmitter } from 'node:events';

type Handler = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  loaded: string[] = [];
  windowOpenHandler: Handler | undefined;
  crashed = 0;
  setWindowOpenHandler(h: Handler) {
    this.windowOpenHandler = h;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  async setVisualZoomLevelLimits() {}
  forcefullyCrashRenderer() {
    this.crashed++;
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
  print(_opts: unknown, cb: (ok: boolean, reason: string) => void) {
    cb(true, '');
  }
  /** Plays Chromium: a renderer-initiated navigation; returns whether main.ts let it through. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

export function createFakeElectron(displays: Array<{ id: number; bounds: { x: number; y: number; width: number; height: number } }>, primaryId: number) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    switches: [] as string[],
    quitCalls: 0,
    exitCode: undefined as number | undefined,
    commandLine: { appendSwitch: (s: string) => app.switches.push(s) },
    getPath: () => '/nonexistent-user-data',
    whenReady: async () => undefined,
    requestSingleInstanceLock: () => true,
    quit: () => {
      app.quitCalls++;
    },
    exit: (code: number) => {
      app.exitCode = code;
    },
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    destroyed = false;
    constructor(public options: any) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static fromWebContents(wc: FakeWebContents) {
      return windows.find((w) => w.webContents === wc) ?? null;
    }
    async loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    maximize() {}
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }

  const handlers = new Map<string, Handler>();
  function fakeSession() {
    return {
      beforeRequest: undefined as Handler | undefined,
      headersReceived: undefined as { filter: { urls: string[] }; fn: Handler } | undefined,
      permissionRequest: undefined as Handler | undefined,
      permissionCheck: undefined as Handler | undefined,
      devicePermission: undefined as Handler | undefined,
      get webRequest() {
        return {
          onBeforeRequest: (_filter: unknown, fn: Handler) => (this.beforeRequest = fn),
          onHeadersReceived: (filter: { urls: string[] }, fn: Handler) => (this.headersReceived = { filter, fn }),
        };
      },
      setPermissionRequestHandler(fn: Handler) {
        this.permissionRequest = fn;
      },
      setPermissionCheckHandler(fn: Handler) {
        this.permissionCheck = fn;
      },
      setDevicePermissionHandler(fn: Handler) {
        this.devicePermission = fn;
      },
    };
  }
  const defaultSession = fakeSession();
  const partitions = new Map<string, ReturnType<typeof fakeSession>>();

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { setApplicationMenu: (m: unknown) => ((electron as any).menu = m) },
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
    screen: {
      getPrimaryDisplay: () => displays.find((d) => d.id === primaryId)!,
      getAllDisplays: () => displays,
    },
    session: {
      defaultSession,
      fromPartition: (name: string) => {
        if (!partitions.has(name)) partitions.set(name, fakeSession());
        return partitions.get(name)!;
      },
    },
  };
  return { electron, windows, handlers, defaultSession, partitions };
}
