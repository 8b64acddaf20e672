/**
 * A terminal process for the SIGKILL test: `write` keeps appending events and uploading them until
 * killed, printing each committed count; `drain` uploads what is left, prints "drained" and exits.
 */
import { openDatabase } from '../../core/db/connection.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { SyncClient } from '../../core/sync/client.js';
import { startUploadSync } from '../../terminal/sync/upload-sync.js';

const [file, mode] = process.argv.slice(2);
const db = openDatabase(file!);
const sync = startUploadSync(db, new SyncClient(db), { maxEvents: 50, intervalMs: 200, backoff: { baseMs: 10, maxMs: 200 } });

if (mode === 'write') {
  let n = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  for (;;) {
    db.transaction(() => {
      for (let k = 0; k < 20; k++) appendEvent(db, 'ticket.issued', { n: ++n });
    })();
    process.stdout.write(`committed ${n}\n`);
    await new Promise((r) => setTimeout(r, 2));
  }
} else {
  while (sync.status().pending > 0) await new Promise((r) => setTimeout(r, 20));
  sync.stop();
  db.close();
  process.stdout.write('drained\n');
}
