/**
 * For jobs.test.ts: a terminal process that claims the next print job, says so, and then stays
 * "printing" until it is killed.
 */
import { openDatabase } from '../db/connection.js';
import { claimNext } from './jobs.js';

const db = openDatabase(process.argv[2]!);
const job = claimNext(db);
process.stdout.write(`claimed ${job?.id ?? 'nothing'}\n`);
setInterval(() => {}, 60_000);
