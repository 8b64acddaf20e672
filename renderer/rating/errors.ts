import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';

/** A failed rating call in plain words: the service's own translated message, or ours when it cannot be reached. */
export function ratingErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.fromServer) return err.message;
  if (err instanceof ApiError && err.code === 'NETWORK') return t('rating.network');
  const name = (err as { name?: string } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return t('rating.network');
  return t('rating.unexpected');
}

export const isAlreadyRated = (err: unknown) => err instanceof ApiError && err.code === 'ALREADY_RATED';
