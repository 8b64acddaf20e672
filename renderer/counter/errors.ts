import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';

/** The service's translated message where there is one; the counter's own words when it did not answer. */
export function counterErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.fromServer) return err.message;
  if (err instanceof ApiError && err.code === 'NETWORK') return t('counter.errors.network');
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return t('counter.errors.timeout');
  return t('counter.errors.unexpected');
}
