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
    const query = req.query ?? langQuery(req.url);
    sendError(errors, code ? errors.create(code) : asServiceError(errors, err, req), { query, headers: req.headers }, reply);
  };
}

/** The `lang` parameter of a request target, the one query parameter a refusal's language may come from. */
function langQuery(target: string): { lang?: string } {
  const lang = /[?&]lang=([A-Za-z-]+)/.exec(target)?.[1];
  return lang ? { lang } : {};
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
  const head = [`HTTP/1.1 ${status} ${REASONS[status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${text.length}`, 'Connection: close'];
  socket.end(`${head.join('\r\n')}\r\n\r\n${text}`);
}

export function parserRefusal<E extends Error, Req>(errors: ServiceErrors<E, Req>) {
  return (err: Error & { code?: string; rawPacket?: unknown }, socket: RawSocket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    // A request never finished is not refused for what it said: it gets Node's bare 408.
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return writeRaw(socket, 408, {});
    const refused = errors.create(err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'VALIDATION_FAILED');
    const { status, body, headers } = errors.answer(refused, errors.lang(langOfRawRequest(err.rawPacket)));
    writeRaw(socket, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }, asciiJson(body));
  };
}

/** JSON with every non-ASCII character escaped, so its length is its length in bytes on the wire. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The bytes as one character each: the request line and headers of HTTP are ASCII. */
function latin1(raw: Uint8Array): string {
  let text = '';
  for (let i = 0; i < raw.length; i += 8192) text += String.fromCharCode(...raw.subarray(i, i + 8192));
  return text;
}

/**
 * The `lang` parameter and Accept-Language of a request the parser gave up on, read from the packet
 * it failed in: a request that came in several packets may answer in the default language.
 */
export function langOfRawRequest(raw: unknown): LangSource {
  const [requestLine = '', ...lines] = (raw instanceof Uint8Array ? latin1(raw) : '').split('\r\n');
  const accept = lines.find((l) => /^accept-language:/i.test(l))?.replace(/^accept-language:/i, '').trim();
  return { query: langQuery(requestLine.split(' ')[1] ?? ''), headers: accept ? { 'accept-language': accept } : {} };
}
