/**
 * For worker-restart.test.ts: a terminal process whose printer takes a slip and never finishes it.
 * It says "printing <job id>" once the worker is inside print(), then waits to be killed.
 */
import { openDatabase } from '../../core/db/connection.js';
import { listRecent } from '../../core/print/jobs.js';
import { FakePrinter } from './fake-printer.js';
import { PrintWorker } from './worker.js';

const db = openDatabase(process.argv[2]!);
const printer = new FakePrinter(['hang']);
const print = printer.print.bind(printer);
printer.print = (bytes) => {
  const job = listRecent(db).find((j) => j.state === 'printing');
  process.stdout.write(`printing ${job?.id ?? '?'}\n`);
  return print(bytes);
};
new PrintWorker(db, printer, { timeZone: 'Asia/Shanghai', timeoutMs: 600_000, probeIntervalMs: 0 }).start();
setInterval(() => {}, 60_000);
