import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, ERROR_STATUS, errorMessage, MAX_QUERY_LENGTH, type ErrorBody, type Lang } from '../../core/contract/index.js';
import { acceptLanguageOf, type ServiceErrors } from '../../core/common/http-errors.js';
import { requestLang } from './lang.js';

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

/** The terminal service's errors: AppError, answered in the `lang` parameter's or Accept-Language's language, faults written as log lines. */
export function terminalErrors(log: (line: string) => void): ServiceErrors<AppError, FastifyRequest> {
  return {
    own: (err): err is AppError => err instanceof AppError,
    create: (code) => new AppError(code),
    fromZod: fromZodError,
    lang: (req) => requestLang(req.query, acceptLanguageOf(req)),
    answer: (err, lang) => ({ ...errorBody(err, lang), ...(err.code === 'TOO_MANY_ATTEMPTS' && err.params.seconds !== undefined ? { headers: { 'retry-after': String(err.params.seconds) } } : {}) }),
    logFault: (_req, fault) => log(`Request failed: ${JSON.stringify(fault)}`),
  };
}
