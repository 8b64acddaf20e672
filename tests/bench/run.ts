import type { Benchmark } from './harness.js';
import { certificatesBenchmark } from './certificates.js';
import { checkinBenchmark } from './checkin.js';
import { searchBenchmark } from './search.js';
import { soakBenchmark } from './soak.js';
import { startupBenchmark } from './startup.js';
import { uploadBenchmark } from './upload.js';

/**
 * `npm run bench [name…]`: runs every benchmark (or the named ones) in turn. Benchmarks print
 * figures next to a baseline measured in the same run; they never pass or fail on timing.
 */
const BENCHMARKS: Benchmark[] = [searchBenchmark, uploadBenchmark, checkinBenchmark, startupBenchmark, soakBenchmark, certificatesBenchmark];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const b of BENCHMARKS) {
  if (wanted.length && !wanted.includes(b.name)) continue;
  console.log(`\n=== ${b.name}: ${b.description}\n`);
  await b.run();
}
