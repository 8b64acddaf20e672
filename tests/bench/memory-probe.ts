// Loaded with `--import` into the terminal service by `npm run bench soak`: on SIGUSR2 it collects
// garbage (when run with --expose-gc) and prints the process's memory on one line.
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`MEMORY ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, gc: Boolean(gc) })}\n`);
});
