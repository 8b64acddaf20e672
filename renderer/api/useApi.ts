import { useEffect, useState } from 'react';
import type { RouteInput, RouteName, RouteOutput } from '../../core/contract/api.js';
import { useClient } from './context.js';

export interface Loaded<T> {
  /** The last successful answer; kept while a newer request runs, so lists do not flash empty. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** False while `data` still belongs to an earlier input. */
  fresh: boolean;
}

interface State<T> {
  data: T | undefined;
  dataKey: string | null;
  error: Error | undefined;
  loading: boolean;
}

/** Calls a route whenever its input changes (pass null to call nothing); stale answers are dropped. */
export function useApi<N extends RouteName>(name: N, input: RouteInput<N> | null): Loaded<RouteOutput<N>> {
  const client = useClient();
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<State<RouteOutput<N>>>({ data: undefined, dataKey: null, error: undefined, loading: input !== null });

  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, dataKey: null, error: undefined, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    client.call(name, JSON.parse(key) as RouteInput<N>, { signal: ctrl.signal }).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ data, dataKey: key, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState({ data: undefined, dataKey: key, error: error as Error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [client, name, key]);

  const fresh = state.dataKey === key && !state.loading;
  return { data: state.data, error: state.error, loading: state.loading || state.dataKey !== key, fresh };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
