import type { z } from 'zod';
import { ServerErrorBody, type ServerErrorCode } from '../../core/contract/server-errors.js';
import { supervisionApi } from '../../core/contract/supervision-api.js';
import { buildUrl } from '../api/client.js';

/** The central server's staff routes (supervision-api.ts), called with the signed-in account's token. */
export type SupervisionApi = typeof supervisionApi;
export type SupervisionRoute = keyof SupervisionApi;

type In<T> = T extends z.ZodType ? z.input<T> : never;
type ObjIn<T> = T extends z.ZodObject<infer S> ? (keyof S extends never ? unknown : In<T>) : In<T>;
export type SupervisionInput<N extends SupervisionRoute> = (SupervisionApi[N] extends { params: infer P } ? ObjIn<P> : unknown) &
  (SupervisionApi[N] extends { query: infer Q } ? ObjIn<Q> : unknown) &
  (SupervisionApi[N] extends { body: infer B } ? { body: In<B> } : unknown);
export type SupervisionOutput<N extends SupervisionRoute> = z.infer<SupervisionApi[N]['response']>;

export type StaffErrorCode = ServerErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** A failed call. For server errors `message` is already in the page's language (Accept-Language). */
export class StaffApiError extends Error {
  constructor(
    readonly code: StaffErrorCode,
    message: string,
    readonly status: number | null,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'StaffApiError';
  }

  get fromServer(): boolean {
    return this.code !== 'NETWORK' && this.code !== 'BAD_RESPONSE';
  }
}

export interface SupervisionClient {
  call<N extends SupervisionRoute>(name: N, input: SupervisionInput<N>, init?: { signal?: AbortSignal }): Promise<SupervisionOutput<N>>;
}

export interface SupervisionClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  lang?: () => string;
  /** The signed-in account's token, sent as `Authorization: Bearer` on every route that has roles. */
  token?: () => string | null;
  /** A route with roles answered 401: the session ended (expired, signed out elsewhere), so sign in again. */
  onUnauthorized?: (route: SupervisionRoute) => void;
}

export function createSupervisionClient(opts: SupervisionClientOptions = {}): SupervisionClient {
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const base = opts.baseUrl ?? '';
  return {
    async call(name, input, init) {
      const route = supervisionApi[name];
      const { body, ...params } = (input ?? {}) as Record<string, unknown> & { body?: unknown };
      const headers: Record<string, string> = { Accept: 'application/json' };
      const lang = opts.lang?.();
      if (lang) headers['Accept-Language'] = lang;
      // Only routes with roles take a token: the sign-in form never sends an old one.
      const withToken = 'roles' in route;
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
        if ((err as { name?: string }).name === 'AbortError' || (err as { name?: string }).name === 'TimeoutError') throw err;
        throw new StaffApiError('NETWORK', (err as Error).message ?? 'network error', null);
      }
      const json: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        if (withToken && res.status === 401) opts.onUnauthorized?.(name);
        const parsed = ServerErrorBody.safeParse(json);
        if (parsed.success) throw new StaffApiError(parsed.data.error.code, parsed.data.error.message, res.status, parsed.data.error.details);
        throw new StaffApiError('BAD_RESPONSE', `HTTP ${res.status}`, res.status);
      }
      const out = route.response.safeParse(json);
      if (!out.success) throw new StaffApiError('BAD_RESPONSE', `Unexpected response from ${name}: ${out.error.message}`, res.status);
      return out.data as SupervisionOutput<typeof name>;
    },
  };
}
