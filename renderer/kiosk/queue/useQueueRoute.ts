import { useEffect, useRef, useState } from 'react';
import type { RouteInput, RouteName, RouteOutput } from '../../../core/contract/api.js';
import { useClient } from '../../api/context.js';
import { useLive } from '../../shared/useLive.js';

export interface QueueRouteState<N extends RouteName> {
  data: RouteOutput<N> | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * A route that shows the queue (lines, where a procedure is served), fetched again whenever the queue
 * changes and when the live channel reopens (it may have missed changes); the last answer stays on
 * screen meanwhile, and a failed refresh keeps it.
 */
export function useQueueRoute<N extends RouteName>(name: N, input: RouteInput<N>): QueueRouteState<N> {
  const client = useClient();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: RouteOutput<N> | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const opened = useRef(false);
  useLive((msg) => msg.type === 'queue' && setTick((n) => n + 1), {
    // The first open needs nothing (the route was just fetched); a reopen may have missed changes.
    onOpen: () => {
      if (opened.current) setTick((n) => n + 1);
      opened.current = true;
    },
  });
  const key = JSON.stringify(input);

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    client.call(name, JSON.parse(key) as RouteInput<N>, { signal: ctrl.signal }).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState((s) => ({ data: s.data, error: s.data ? undefined : error, loading: false }));
      },
    );
    return () => ctrl.abort();
  }, [client, name, key, tick]);

  return { ...state, reload: () => setTick((n) => n + 1) };
}
