import { useCallback, useEffect, useRef, useState } from 'react';
import type { RouteInput, RouteName, RouteOutput } from '../../core/contract/api.js';
import { ApiError } from '../api/client.js';
import { useClient } from '../api/context.js';

export interface Refreshing<T> {
  /** The last good answer, kept through later failures so a wall screen never goes blank. */
  data: T | undefined;
  /** The last attempt's failure; cleared by the next success. */
  error: unknown;
  busy: boolean;
  /** When `data` last arrived. */
  updatedAt: Date | undefined;
  /** Fetch again now (a fetch already running is followed by one more, never run twice at once). */
  refetch: () => void;
}

/** A route fetched on mount, every `intervalMs`, and on refetch(); a hung request gives up after `timeoutMs`. */
export function useRefreshing<N extends RouteName>(name: N, input: RouteInput<N>, intervalMs: number, timeoutMs = 10_000): Refreshing<RouteOutput<N>> {
  const client = useClient();
  const key = JSON.stringify(input);
  const [state, setState] = useState<Omit<Refreshing<RouteOutput<N>>, 'refetch'>>({ data: undefined, error: undefined, busy: true, updatedAt: undefined });
  const runRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    let again = false;
    let ctrl: AbortController | undefined;

    const once = async () => {
      const c = new AbortController();
      ctrl = c;
      const timer = setTimeout(() => c.abort(), timeoutMs);
      try {
        const data = await client.call(name, JSON.parse(key) as RouteInput<N>, { signal: c.signal });
        if (!stopped) setState((s) => ({ ...s, data, error: undefined, updatedAt: new Date() }));
      } catch (err) {
        if (stopped) return;
        const error = c.signal.aborted ? new ApiError('NETWORK', 'timed out', null) : err;
        setState((s) => ({ ...s, error }));
      } finally {
        clearTimeout(timer);
      }
    };

    const run = async () => {
      if (stopped) return;
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      setState((s) => ({ ...s, busy: true }));
      do {
        again = false;
        await once();
      } while (again && !stopped);
      inFlight = false;
      if (!stopped) setState((s) => ({ ...s, busy: false }));
    };

    runRef.current = () => void run();
    void run();
    const id = setInterval(() => void run(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(id);
      ctrl?.abort();
    };
  }, [client, name, key, intervalMs, timeoutMs]);

  const refetch = useCallback(() => runRef.current(), []);
  return { ...state, refetch };
}
