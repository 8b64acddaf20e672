/** Where a scanner is, parsed from its configured URI. */
export interface SerialScannerAddress {
  kind: 'serial';
  /** Device path: /dev/ttyACM0, /dev/serial/by-id/…, COM3. */
  path: string;
  baudRate: number;
}

export class ScannerUriError extends Error {
  constructor(readonly uri: string, reason: string) {
    super(`Scanner URI "${uri}" is not usable: ${reason}. Expected e.g. serial:/dev/ttyACM0?baud=9600`);
    this.name = 'ScannerUriError';
  }
}

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

/** Parses `serial:<path>[?baud=<rate>]`; the baud rate defaults to 9600, the usual scanner setting. */
export function parseScannerUri(uri: string): SerialScannerAddress {
  const match = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(uri.trim());
  if (!match) throw new ScannerUriError(uri, 'no scheme');
  const [, scheme, rest] = match as unknown as [string, string, string];
  if (scheme.toLowerCase() !== 'serial') throw new ScannerUriError(uri, `unknown scheme "${scheme}" (only serial: is supported)`);
  const q = rest.indexOf('?');
  const path = decodeURIComponent((q < 0 ? rest : rest.slice(0, q)).replace(/^\/\/(?=\/)/, ''));
  if (path === '') throw new ScannerUriError(uri, 'no device path');
  const params = new URLSearchParams(q < 0 ? '' : rest.slice(q + 1));
  let baudRate = 9600;
  for (const [key, value] of params) {
    if (key !== 'baud') throw new ScannerUriError(uri, `unknown parameter "${key}" (only baud is supported)`);
    baudRate = Number(value);
    if (!BAUD_RATES.includes(baudRate)) throw new ScannerUriError(uri, `baud must be one of ${BAUD_RATES.join(', ')}, got "${value}"`);
  }
  return { kind: 'serial', path, baudRate };
}
