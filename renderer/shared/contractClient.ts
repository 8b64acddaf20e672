import type { z } from 'zod';

/** A failed call to either contract. For server errors `message` is already translated (Accept-Language or `lang`). */
export class CallError<C extends string> extends Error {
  constructor(
    readonly code: C | 'NETWORK' | 'BAD_RESPONSE',
    message: string,
    readonly status: number | null,
    /** Which input fields a VALIDATION_FAILED names, so a form can mark them. */
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }

  /** True when `message` came from the service and can be shown as is. */
  get fromServer(): boolean {
    return this.code !== 'NETWORK' && this.code !== 'BAD_RESPONSE';
  }
}

export interface CallOptions<R extends string> {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Sent as Accept-Language, so routes without a `lang` parameter still answer errors in the screen's language. */
  lang?: () => string;
  /** The signed-in account's token, sent as `Authorization: Bearer` only on routes that take one. */
  token?: () => string | null;
  /** A route that takes the token answered 401: the session ended, so the screen signs in again. */
  onUnauthorized?: (route: R) => void;
}

interface RouteLike {
  method: string;
  path: string;
  response: z.ZodType;
}

export interface Contract<T extends Record<string, RouteLike>, C extends string> {
  routes: T;
  /** Whether a route carries the token; a sign-in route never sends an old one, and its 401 is a wrong password. */
  takesToken: (route: T[keyof T]) => boolean;
  errorBody: z.ZodType<{ error: { code: C; message: string; details?: { path: string; message: string }[] } }>;
  error: new (code: C | 'NETWORK' | 'BAD_RESPONSE', message: string, status: number | null, details?: { path: string; message: string }[]) => CallError<C>;
  /** Failure names rethrown as they are instead of becoming NETWORK (the caller's own abort, and for some its time limit). */
  rethrow: readonly string[];
}

export type Call<R extends string> = (name: R, input: unknown, init?: { signal?: AbortSignal }) => Promise<unknown>;

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

/** One call over a contract table: path and query from the input, JSON body, the error body or the validated answer. */
export function contractCall<T extends Record<string, RouteLike>, C extends string>(
  contract: Contract<T, C>,
  opts: CallOptions<keyof T & string>,
): Call<keyof T & string> {
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const base = opts.baseUrl ?? '';
  const Fail = contract.error;
  return async (name, input, init) => {
    const route = contract.routes[name] as T[keyof T];
    const { body, ...params } = (input ?? {}) as Record<string, unknown> & { body?: unknown };
    const headers: Record<string, string> = { Accept: 'application/json' };
    const lang = opts.lang?.();
    if (lang) headers['Accept-Language'] = lang;
    const withToken = contract.takesToken(route);
    const token = withToken ? opts.token?.() : null;
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
      if (contract.rethrow.includes((err as { name?: string }).name ?? '')) throw err;
      throw new Fail('NETWORK', (err as Error).message ?? 'network error', null);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      if (withToken && res.status === 401) opts.onUnauthorized?.(name);
      const parsed = contract.errorBody.safeParse(json);
      if (parsed.success) throw new Fail(parsed.data.error.code, parsed.data.error.message, res.status, parsed.data.error.details);
      throw new Fail('BAD_RESPONSE', `HTTP ${res.status}`, res.status);
    }
    const out = route.response.safeParse(json);
    if (!out.success) throw new Fail('BAD_RESPONSE', `Unexpected response from ${name}: ${out.error.message}`, res.status);
    return out.data;
  };
}
