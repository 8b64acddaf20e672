import { useCallback, useRef, useState } from 'react';

/** An action that never waits for ever: past this the button recovers and says the service did not answer. */
export const ACTION_TIMEOUT_MS = 20_000;

export interface Busy {
  /** The name of the action running, or null. */
  busy: string | null;
  error: unknown;
  clearError: () => void;
  /** Runs one action at a time (a second press while one runs is ignored, so a ticket is never skipped twice). */
  run: <T>(name: string, fn: (signal: AbortSignal) => Promise<T>) => Promise<T | undefined>;
}

export function useBusy(): Busy {
  const running = useRef<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(async <T,>(name: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = name;
    setBusy(name);
    setError(undefined);
    try {
      return await fn(AbortSignal.timeout(ACTION_TIMEOUT_MS));
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      running.current = null;
      setBusy(null);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, clearError, run };
}
