import type { z } from 'zod';
import { AppError, ERROR_STATUS, errorMessage, MAX_QUERY_LENGTH, type ErrorBody, type Lang } from '../../core/contract/index.js';

/** Maps schema issues to the most specific stable code a caller can act on. */
export function fromZodError(err: z.ZodError): AppError {
  const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (err.issues.some((i) => i.path[0] === 'lang')) return new AppError('UNKNOWN_LANGUAGE', {}, details);
  if (err.issues.some((i) => i.path[0] === 'q' && i.code === 'too_big')) {
    return new AppError('QUERY_TOO_LONG', { max: MAX_QUERY_LENGTH }, details);
  }
  return new AppError('VALIDATION_FAILED', {}, details);
}

export function errorBody(err: AppError, lang: Lang): { status: number; body: ErrorBody } {
  return {
    status: ERROR_STATUS[err.code],
    body: { error: { code: err.code, message: errorMessage(err.code, lang, err.params), ...(err.details ? { details: err.details } : {}) } },
  };
}
