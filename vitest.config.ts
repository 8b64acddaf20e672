import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,native,terminal,renderer,server,electron,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'tests/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
