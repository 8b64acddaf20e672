import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { langFromAcceptLanguage, SERVER_ERROR_MESSAGES, SERVER_ERROR_STATUS, ServerError, type Lang, type ServerErrorBody } from '../../core/contract/index.js';
import { retryAfterMinutes } from '../../core/common/attempt-rule.js';
import { acceptLanguageOf, type ServiceErrors } from '../../core/common/http-errors.js';

export function fromZodError(err: z.ZodError): ServerError {
  return new ServerError(
    'VALIDATION_FAILED',
    err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

function messageOf(err: ServerError, lang: Lang): string {
  const text = SERVER_ERROR_MESSAGES[lang][err.code];
  return err.retryAfterSeconds === undefined ? text : text.replace('{minutes}', String(retryAfterMinutes(err.retryAfterSeconds)));
}

export function errorBody(err: ServerError, lang: Lang): { status: number; body: ServerErrorBody } {
  return {
    status: SERVER_ERROR_STATUS[err.code],
    body: { error: { code: err.code, message: messageOf(err, lang), ...(err.details ? { details: err.details } : {}) } },
  };
}

/** The language of the first Accept-Language tag we speak; Chinese otherwise. */
export const acceptLang = langFromAcceptLanguage;

/** The server's errors: ServerError in the Accept-Language's language (with Retry-After when it says when), faults in the request log. */
export const serverErrors: ServiceErrors<ServerError, FastifyRequest> = {
  own: (err): err is ServerError => err instanceof ServerError,
  create: (code) => new ServerError(code),
  fromZod: fromZodError,
  lang: (req) => acceptLang(acceptLanguageOf(req)),
  answer: (err, lang) => ({ ...errorBody(err, lang), ...(err.retryAfterSeconds === undefined ? {} : { headers: { 'retry-after': String(err.retryAfterSeconds) } }) }),
  logFault: (req, fault) => req.log.error(fault, fault.message),
};
