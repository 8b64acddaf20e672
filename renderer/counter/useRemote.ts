import { useCallback, useEffect, useRef, useState } from 'react';

export interface Remote<T> {
  /** The last good answer, kept while a refetch runs or after it fails, so the screen never empties. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Put an answer in place that came from elsewhere (e.g. an action that returns the new state). */
  replace: (data: T) => void;
}

/** Loads on mount and whenever `key` changes or reload() is called; a newer load aborts the older. */
export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>, key = ''): Remote<T> {
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean; key: string }>({
    data: undefined,
    error: undefined,
    loading: true,
    key,
  });

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, data: s.key === key ? s.data : undefined, key, loading: true }));
    latest.current(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ data, error: undefined, loading: false, key });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => ctrl.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((data: T) => setState((s) => ({ ...s, data, error: undefined })), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, replace };
}

/** Ticks every `ms` so waiting times move on without a refetch. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
