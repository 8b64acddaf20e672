/**
 * Runs `job` every `ms` until the returned stop is called. A failed round is reported and the next
 * one tries again; the timer never keeps the process alive. Every instance runs its own rounds:
 * jobs are written so that two instances doing the same round at once do no harm.
 */
export function every(ms: number, job: () => Promise<unknown>, onError: (err: Error) => void): () => void {
  const timer = setInterval(() => {
    job().catch((err: unknown) => onError(err as Error));
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
