import { asServiceError, sendError, type HttpReply, type HttpRequest, type LangSource, type ServiceErrors, type SharedErrorCode } from './http-errors.js';

/**
 * Requests refused before any route sees them, answered in the service's own error body and the
 * caller's language: by the router (Fastify's `frameworkErrors`) and by the HTTP parser
 * (`clientErrorHandler`).
 */

const ROUTER_CODES: Partial<Record<string, SharedErrorCode>> = {
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

export function routerRefusal<E extends Error, Req extends HttpRequest, Rep extends HttpReply>(errors: ServiceErrors<E, Req>) {
  return (err: Error & { code?: string }, req: Req, reply: Rep): void => {
    const code = ROUTER_CODES[err.code ?? ''];
    // The router refused before the query string was parsed.
    const query = req.query ?? queryOf(req.url);
    sendError(errors, code ? errors.create(code) : asServiceError(errors, err, req), { query, headers: req.headers }, reply);
  };
}

function queryOf(url: string): Record<string, string> {
  try {
    return Object.fromEntries(new URL(url, 'http://service').searchParams);
  } catch {
    return {};
  }
}

/** The socket a parser error arrives with; a Node socket fits. */
export interface RawSocket {
  readonly destroyed: boolean;
  readonly writable: boolean;
  end(data: string): unknown;
  destroy(): unknown;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function writeRaw(socket: RawSocket, status: number, headers: Record<string, string>, text = ''): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const head = [`HTTP/1.1 ${status} ${REASONS[status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${new TextEncoder().encode(text).length}`, 'Connection: close'];
  socket.end(`${head.join('\r\n')}\r\n\r\n${text}`);
}

export function parserRefusal<E extends Error, Req>(errors: ServiceErrors<E, Req>) {
  return (err: Error & { code?: string; rawPacket?: unknown }, socket: RawSocket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    // A request never finished is not refused for what it said: it gets Node's bare 408.
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return writeRaw(socket, 408, {});
    const refused = errors.create(err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'VALIDATION_FAILED');
    const { status, body, headers } = errors.answer(refused, errors.lang(langOfRawRequest(err.rawPacket)));
    writeRaw(socket, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body));
  };
}

/**
 * The `lang` parameter and Accept-Language of a request the parser gave up on, read from the packet
 * it failed in: a request that came in several packets may answer in the default language.
 */
export function langOfRawRequest(raw: unknown): LangSource {
  const text = raw instanceof Uint8Array ? new TextDecoder('latin1').decode(raw) : '';
  const [requestLine = '', ...lines] = text.split('\r\n');
  const lang = /[?&]lang=([A-Za-z-]+)/.exec(requestLine.split(' ')[1] ?? '')?.[1];
  const accept = lines.find((l) => /^accept-language:/i.test(l))?.replace(/^accept-language:/i, '').trim();
  return { query: lang ? { lang } : {}, headers: accept ? { 'accept-language': accept } : {} };
}
