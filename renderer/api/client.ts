import { api, type RouteInput, type RouteName, type RouteOutput } from '../../core/contract/api.js';
import { ErrorBody, type ErrorCode } from '../../core/contract/errors.js';

/** Codes the client adds for failures that never reached a well-formed ErrorBody. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** A failed call. For server errors `message` is already translated (the request carried `lang`). */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number | null,
    /** Which input fields a VALIDATION_FAILED names, so a form can mark them. */
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when `message` came from the service and can be shown to the visitor as is. */
  get fromServer(): boolean {
    return this.code !== 'NETWORK' && this.code !== 'BAD_RESPONSE';
  }
}

export interface ApiClient {
  call<N extends RouteName>(name: N, input: RouteInput<N>, init?: { signal?: AbortSignal }): Promise<RouteOutput<N>>;
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Sent as Accept-Language, so routes without a `lang` parameter still answer errors in the screen's language. */
  lang?: () => string;
  /** A signed-in clerk's token, sent as `Authorization: Bearer` on routes marked `staff` (never elsewhere). */
  token?: () => string | null;
  /** Called when a staff route answers 401: the token is gone or expired, so the screen signs in again. */
  onUnauthorized?: (route: RouteName) => void;
}

/** Fills `:name` segments from input and puts every other defined value into the query string. */
export function buildUrl(path: string, input: Record<string, unknown>): string {
  const rest = { ...input };
  const filled = path.replace(/:(\w+)/g, (_, key: string) => {
    const value = rest[key];
    delete rest[key];
    if (value === undefined || value === null || value === '') throw new TypeError(`Missing path parameter "${key}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'body' || value === undefined || value === null) continue;
    qs.append(key, String(value));
  }
  const s = qs.toString();
  return s ? `${filled}?${s}` : filled;
}

export function createClient(opts: ClientOptions = {}): ApiClient {
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const base = opts.baseUrl ?? '';
  return {
    async call(name, input, init) {
      const route = api[name];
      const { body, ...params } = (input ?? {}) as Record<string, unknown> & { body?: unknown };
      const headers: Record<string, string> = { Accept: 'application/json' };
      const lang = opts.lang?.();
      if (lang) headers['Accept-Language'] = lang;
      const staff = 'staff' in route && route.staff === true;
      const token = staff ? opts.token?.() : null;
      if (token) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let res: Response;
      try {
        res = await doFetch(base + buildUrl(route.path, params), {
          method: route.method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: init?.signal,
        });
      } catch (err) {
        if ((err as { name?: string }).name === 'AbortError') throw err;
        throw new ApiError('NETWORK', (err as Error).message ?? 'network error', null);
      }
      const json: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        if (staff && res.status === 401) opts.onUnauthorized?.(name);
        const parsed = ErrorBody.safeParse(json);
        if (parsed.success) throw new ApiError(parsed.data.error.code, parsed.data.error.message, res.status, parsed.data.error.details);
        throw new ApiError('BAD_RESPONSE', `HTTP ${res.status}`, res.status);
      }
      const out = route.response.safeParse(json);
      if (!out.success) throw new ApiError('BAD_RESPONSE', `Unexpected response from ${name}: ${out.error.message}`, res.status);
      return out.data as RouteOutput<typeof name>;
    },
  };
}
