import { useCallback, useRef, useState } from 'react';
import { isAlreadyRated } from './errors.js';

/** A rating call that never answers is given up after this long, so the buttons come back. */
export const SUBMIT_TIMEOUT_MS = 20_000;

export type SubmitOutcome = 'recorded' | 'already-rated' | 'failed';

/** Sends one rating at a time (a double tap sends one); ALREADY_RATED is an outcome, not an error. */
export function useRatingSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef(false);

  const submit = useCallback(async (send: (signal: AbortSignal) => Promise<unknown>): Promise<SubmitOutcome | null> => {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await send(AbortSignal.timeout(SUBMIT_TIMEOUT_MS));
      return 'recorded';
    } catch (err) {
      if (isAlreadyRated(err)) return 'already-rated';
      setError(err);
      return 'failed';
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, submit, clearError };
}
