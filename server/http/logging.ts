import type { FastifyServerOptions } from 'fastify';
import { loggableError } from '../../core/common/loggable-error.js';

/**
 * The server's request log: method, path and status only. Query strings are cut (a tracking lookup
 * carries a phone's last four digits), bodies and headers are never logged (uploads carry phones,
 * sign-ins passwords, staff requests their tokens), and errors only by kind and code: a database
 * error carries the failing row and the query's parameters.
 */
export function serverLogger(stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers', 'req.body', 'body', 'payload', 'phone', '*.phone'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // Fastify types this as returning its own error shape; pino logs whatever object it gets.
      err: loggableError as never,
    },
  };
}
