import { useCallback, useRef, useState } from 'react';

/** A call that has not answered after this long is given up, so no button stays busy for ever. */
export const CALL_TIMEOUT_MS = 20_000;

export interface Action {
  busy: boolean;
  error: unknown;
  /** Runs `fn` unless a run is already going (a double tap issues one ticket); errors land in `error`. */
  run: <T>(fn: (signal: AbortSignal) => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef(false);

  const run = useCallback(async <T,>(fn: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      return await fn(AbortSignal.timeout(CALL_TIMEOUT_MS));
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, run, clearError };
}
