import { FilePrinter } from './transports/file.js';
import { PreviewPrinter } from './transports/preview.js';
import { SerialPrinter } from './transports/serial.js';
import { TcpPrinter } from './transports/tcp.js';
import type { Printer } from './types.js';

export const PRINTER_URI_FORMS = 'tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, file:/dev/usb/lp0 or preview:/some/dir';

export class PrinterUriError extends Error {
  constructor(uri: string, why: string) {
    super(`Bad printer URI "${uri}": ${why}. Expected ${PRINTER_URI_FORMS}.`);
    this.name = 'PrinterUriError';
  }
}

function splitQuery(rest: string): { path: string; params: URLSearchParams } {
  const q = rest.indexOf('?');
  return q < 0 ? { path: rest, params: new URLSearchParams() } : { path: rest.slice(0, q), params: new URLSearchParams(rest.slice(q + 1)) };
}

function positiveInt(uri: string, params: URLSearchParams, name: string, fallback?: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new PrinterUriError(uri, `${name} must be a positive whole number, got "${raw}"`);
  return n;
}

/**
 * The printer a URI names. `?timeout=<ms>` sets the default time limit for tcp, serial and file;
 * `?columns=32` sets the preview's paper width.
 */
export function openPrinter(uri: string): Printer {
  const scheme = /^([a-z]+):/.exec(uri)?.[1];
  const rest = uri.slice((scheme?.length ?? 0) + 1);
  switch (scheme) {
    case 'tcp': {
      let url: URL;
      try {
        url = new URL(uri);
      } catch {
        throw new PrinterUriError(uri, 'not a valid tcp URL');
      }
      if (!url.hostname) throw new PrinterUriError(uri, 'no host');
      const port = url.port ? Number(url.port) : 9100;
      return new TcpPrinter(uri, url.hostname.replace(/^\[|\]$/g, ''), port, positiveInt(uri, url.searchParams, 'timeout'));
    }
    case 'serial': {
      const { path, params } = splitQuery(rest.replace(/^\/\/(?=\/)/, ''));
      if (!path) throw new PrinterUriError(uri, 'no device path');
      return new SerialPrinter(uri, path, positiveInt(uri, params, 'baud', 9600)!, positiveInt(uri, params, 'timeout'));
    }
    case 'file': {
      const { path, params } = splitQuery(rest.replace(/^\/\/(?=\/)/, ''));
      if (!path.startsWith('/')) throw new PrinterUriError(uri, 'the device path must be absolute');
      return new FilePrinter(uri, path, positiveInt(uri, params, 'timeout'));
    }
    case 'preview': {
      const { path, params } = splitQuery(rest.replace(/^\/\/(?=\/)/, ''));
      if (!path) throw new PrinterUriError(uri, 'no directory');
      return new PreviewPrinter(uri, path, positiveInt(uri, params, 'columns', 48));
    }
    default:
      throw new PrinterUriError(uri, scheme ? `unknown scheme "${scheme}"` : 'no scheme');
  }
}
