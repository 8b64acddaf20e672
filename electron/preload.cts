// The screens' only bridge to the shell: window.hall. Sandboxed preloads run as CommonJS with a
// limited require, so this file imports nothing of ours; channel names match electron/ipc.ts (a test
// checks). Each function forwards plain arguments and returns the main process's answer.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');

electron.contextBridge.exposeInMainWorld('hall', {
  appInfo: (): Promise<unknown> => electron.ipcRenderer.invoke('hall:app-info'),
  printA4: (html: unknown): Promise<unknown> => electron.ipcRenderer.invoke('hall:print-a4', html),
});
