/** IPP status codes (RFC 8011 §B) and the printer-state / job-state enums (§5.4.11, §5.3.7) by name. */
const STATUS: Record<number, string> = {
  0x0000: 'successful-ok',
  0x0001: 'successful-ok-ignored-or-substituted-attributes',
  0x0002: 'successful-ok-conflicting-attributes',
  0x0400: 'client-error-bad-request',
  0x0401: 'client-error-forbidden',
  0x0402: 'client-error-not-authenticated',
  0x0403: 'client-error-not-authorized',
  0x0404: 'client-error-not-possible',
  0x0405: 'client-error-timeout',
  0x0406: 'client-error-not-found',
  0x0407: 'client-error-gone',
  0x0408: 'client-error-request-entity-too-large',
  0x0409: 'client-error-request-value-too-long',
  0x040a: 'client-error-document-format-not-supported',
  0x040b: 'client-error-attributes-or-values-not-supported',
  0x040c: 'client-error-uri-scheme-not-supported',
  0x040d: 'client-error-charset-not-supported',
  0x040e: 'client-error-conflicting-attributes',
  0x040f: 'client-error-compression-not-supported',
  0x0410: 'client-error-compression-error',
  0x0411: 'client-error-document-format-error',
  0x0412: 'client-error-document-access-error',
  0x0500: 'server-error-internal-error',
  0x0501: 'server-error-operation-not-supported',
  0x0502: 'server-error-service-unavailable',
  0x0503: 'server-error-version-not-supported',
  0x0504: 'server-error-device-error',
  0x0505: 'server-error-temporary-error',
  0x0506: 'server-error-not-accepting-jobs',
  0x0507: 'server-error-busy',
  0x0508: 'server-error-job-canceled',
  0x0509: 'server-error-multiple-document-jobs-not-supported',
};

export function statusName(code: number): string {
  return STATUS[code] ?? `status-0x${code.toString(16).padStart(4, '0')}`;
}

export const isSuccess = (code: number) => code >= 0x0000 && code <= 0x00ff;

export type PrinterStateName = 'idle' | 'processing' | 'stopped';
const PRINTER_STATES: Record<number, PrinterStateName> = { 3: 'idle', 4: 'processing', 5: 'stopped' };
export const printerStateName = (n: number): PrinterStateName | 'unknown' => PRINTER_STATES[n] ?? 'unknown';

export type JobStateName = 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';
const JOB_STATES: Record<number, JobStateName> = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};
export const jobStateName = (n: number): JobStateName | 'unknown' => JOB_STATES[n] ?? 'unknown';
/** The job will not change state again. */
export const isFinal = (s: JobStateName | 'unknown') => s === 'canceled' || s === 'aborted' || s === 'completed';
