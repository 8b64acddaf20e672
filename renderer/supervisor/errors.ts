import type { TFunction } from 'i18next';
import { StaffApiError } from './client.js';

/** The server's own translated words where it answered; the page's words when it could not be reached. */
export function supervisionErrorText(err: unknown, t: TFunction): string {
  if (err instanceof StaffApiError && err.status === 403) return t('supervisor.errors.forbidden');
  if (err instanceof StaffApiError && err.fromServer) return err.message;
  if (err instanceof StaffApiError && err.code === 'NETWORK') return t('supervisor.errors.network');
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return t('supervisor.errors.timeout');
  return t('supervisor.errors.unexpected');
}
