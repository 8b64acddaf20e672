// The IPC surface between the screens' preload (window.hall) and the main process. Pure: the main
// process wires these checks to ipcMain; the preload repeats the channel names (a sandboxed
// preload cannot import project files), and a test keeps the two in step.
import { isAppUrl } from './url-policy.js';

export const CHANNELS = {
  appInfo: 'hall:app-info',
  printA4: 'hall:print-a4',
} as const;

export interface AppInfo {
  version: string;
  role: string;
  screen: string;
  electron: string;
  platform: string;
}

export type PrintResult = { ok: true } | { ok: false; error: string };

/**
 * Largest HTML document printA4 accepts, in UTF-8 bytes: its base64 data: URL must stay under
 * Chromium's 2 MiB URL limit. A multi-page A4 report with a few inline images fits.
 */
export const MAX_PRINT_HTML = 1024 * 1024;
const MAX_URL = 2 * 1024 * 1024;

export interface SenderInfo {
  /** event.senderFrame?.url; undefined when the frame is gone. */
  url: string | undefined;
  /** Whether the sender is the window's top frame (no iframes may call us). */
  isMainFrame: boolean;
}

/** Whether an IPC message comes from the top frame of one of our own screens. */
export function isTrustedSender(sender: SenderInfo, port: number): boolean {
  return sender.isMainFrame && sender.url !== undefined && isAppUrl(sender.url, port);
}

/** Validates printA4's argument: a non-empty HTML string of bounded size. */
export function parsePrintA4(arg: unknown): { ok: true; html: string } | { ok: false; error: string } {
  if (typeof arg !== 'string' || arg.trim() === '') return { ok: false, error: 'printA4 needs an HTML string' };
  if (Buffer.byteLength(arg, 'utf8') > MAX_PRINT_HTML) return { ok: false, error: 'printA4 document is too large' };
  return { ok: true, html: arg };
}

/**
 * The document actually printed: the caller's HTML behind a CSP that forbids scripts and any
 * network load, so a print job can neither run code nor fetch anything.
 */
export function printDocument(html: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;
  const page = '<style>@page { size: A4; margin: 15mm; }</style>';
  return `<!doctype html><html><head><meta charset="utf-8">${csp}${page}</head><body>${html}</body></html>`;
}

/** The print document as a data: URL for a hidden, script-less window. */
export function printDataUrl(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(printDocument(html), 'utf8').toString('base64')}`;
  if (url.length > MAX_URL) throw new Error('print document too large');
  return url;
}
