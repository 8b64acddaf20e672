import type { PrinterState } from '../../core/contract/print.js';

/** A DLE EOT answer byte has bits 1 and 4 set and bits 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/**
 * Maps the answers to DLE EOT 1 (printer) and DLE EOT 4 (roll paper sensor).
 * Paper end is bits 5–6 of the sensor byte; bit 3 of the printer byte is "offline" (cover open, feeding, error).
 */
export function stateFromStatus(printer: number | undefined, paper: number | undefined): PrinterState {
  if (paper !== undefined && (paper & 0x60) === 0x60) return 'paper-out';
  if (printer !== undefined && (printer & 0x08) !== 0) return 'offline';
  if (printer === undefined && paper === undefined) return 'unknown';
  return 'online';
}
