import { SerialScanner, type SerialScannerOptions } from './serial.js';
import type { Scanner } from './types.js';
import { parseScannerUri } from './uri.js';

export type { Scanner, ScannerState } from './types.js';
export { ScannerUriError, parseScannerUri } from './uri.js';
export type { SerialScannerOptions } from './serial.js';

/**
 * Opens the scanner configured as `uri` (e.g. `serial:/dev/ttyACM0?baud=9600`). Throws
 * ScannerUriError at once for a URI it cannot use; a device that is absent is not an error:
 * the scanner reports `disconnected` and keeps retrying until it appears.
 */
export function openScanner(uri: string, options?: SerialScannerOptions): Scanner {
  return new SerialScanner(uri, parseScannerUri(uri), options);
}
