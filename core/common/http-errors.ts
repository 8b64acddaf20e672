import { z } from 'zod';
import type { Lang } from '../contract/common.js';
import { loggableError, type LoggedError } from './loggable-error.js';

/**
 * How the terminal service and the central server answer an error, written once against the little
 * of an HTTP framework they use (Fastify's request and reply fit), so this layer imports no framework.
 */

/** Codes both services answer with in the same situations; each service's own table has them. */
export type SharedErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND' | 'INTERNAL' | 'URL_TOO_LONG' | 'HEADERS_TOO_LARGE';

export type HttpHeaders = Record<string, string | string[] | undefined>;

/** What the caller's language is read from, by each service's own rule. */
export interface LangSource {
  query: unknown;
  headers: HttpHeaders;
}

export function acceptLanguageOf(req: LangSource): string | undefined {
  const v = req.headers['accept-language'];
  return Array.isArray(v) ? v[0] : v;
}

export interface HttpRequest extends LangSource {
  method: string;
  url: string;
  params: unknown;
  body: unknown;
  routeOptions?: { url?: string };
}

export interface HttpReply {
  status(code: number): HttpReply;
  header(name: string, value: string): HttpReply;
  send(payload?: unknown): HttpReply;
}

/** A fault of the service itself, as logged: the route and what went wrong, never a value or a body. */
export interface Fault {
  route: string;
  message: string;
  issues?: { path: string; code: string }[];
  error?: LoggedError;
}

export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A service's error class, its words for it and where it logs its faults. */
export interface ServiceErrors<E extends Error, Req = HttpRequest> {
  own(err: unknown): err is E;
  create(code: SharedErrorCode): E;
  /** A schema refusal of the caller's input, read as the service's most specific code. */
  fromZod(err: z.ZodError): E;
  lang(req: LangSource): Lang;
  answer(err: E, lang: Lang): ErrorAnswer;
  logFault(req: Req, fault: Fault): void;
}

/** The route's pattern (never its query string, which may carry a phone's last digits). */
export function routeOf(req: HttpRequest): string {
  return `${req.method} ${req.routeOptions?.url ?? req.url.split('?')[0]}`;
}

/** Any error as the service's own: a refusal the framework made stays a refusal, anything unforeseen is a logged INTERNAL. */
export function asServiceError<E extends Error, Req extends HttpRequest>(errors: ServiceErrors<E, Req>, err: unknown, req: Req): E {
  if (errors.own(err)) return err;
  if (err instanceof z.ZodError) return errors.fromZod(err);
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status < 500) return errors.create('VALIDATION_FAILED');
  errors.logFault(req, { route: routeOf(req), message: 'unhandled error', error: loggableError(err) });
  return errors.create('INTERNAL');
}

/** `from`: where the caller's language is read, the request itself unless it was never parsed. */
export function sendError<E extends Error, Req>(errors: ServiceErrors<E, Req>, err: E, from: LangSource, reply: HttpReply): HttpReply {
  const { status, body, headers } = errors.answer(err, errors.lang(from));
  for (const [name, value] of Object.entries(headers ?? {})) reply.header(name, value);
  return reply.status(status).send(body);
}
