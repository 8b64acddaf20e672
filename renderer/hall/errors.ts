import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';

/** The service's own translated message where there is one; the board's own words otherwise. */
export function hallErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.fromServer) return err.message;
  if (err instanceof ApiError && err.code === 'NETWORK') return t('hall.networkError');
  return t('hall.unexpected');
}
