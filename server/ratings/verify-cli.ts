import { loadServerConfig } from '../config.js';
import { openServerDb } from '../db/connection.js';
import { verifyServerChains } from './verify.js';

/**
 * `tsx server/ratings/verify-cli.ts [--json]`: checks every rating chain in the server database
 * (DATABASE_URL, else the embedded one under DATA_DIR: stop the server first). Exit code 1 names
 * the first broken row.
 */
const config = loadServerConfig();
const db = await openServerDb(config.db);
try {
  const report = await verifyServerChains(db);
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else if (report.ok) console.log(`Rating chains OK: ${report.chains} terminal chain(s), ${report.rows} row(s).`);
  else {
    const b = report.firstBroken!;
    console.log(`Rating chain BROKEN on terminal ${b.terminal} at row ${b.chainSeq}${b.id ? ` (rating ${b.id})` : ''}: ${b.problem}.`);
    console.log(`Checked ${report.chains} chain(s), ${report.rows} row(s).`);
  }
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await db.destroy();
}
