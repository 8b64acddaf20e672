/**
 * `connecting` until the first open attempt ends; `connected` while the device is open;
 * `disconnected` while it is missing and being retried; `closed` after close().
 */
export type ScannerState = 'connecting' | 'connected' | 'disconnected' | 'closed';

/** A barcode/QR scanner: an event source of scanned codes. */
export interface Scanner {
  readonly uri: string;
  readonly state: ScannerState;
  /** Called once per scanned code (text without its CR/LF). Returns an unsubscribe function. */
  onScan(listener: (code: string) => void): () => void;
  /** Called on every state change, with the reason when the device went away or could not be opened. */
  onState(listener: (state: ScannerState, reason?: string) => void): () => void;
  /** Stops reconnecting and releases the device. */
  close(): Promise<void>;
}
