import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { appendRating } from '../../core/ratings/chain.js';
import { ROOT } from '../../terminal/config.js';

const run = promisify(execFile);
const CLI = join(ROOT, 'terminal/verify-cli.ts');
const tmp = tempDir('hall-verify-');
afterAll(() => tmp.cleanup());

async function verify(args: string[], env: NodeJS.ProcessEnv = {}, viaNpm = false) {
  const [cmd, argv] = viaNpm ? ['npm', ['run', '--silent', 'verify', '--', ...args]] : [process.execPath, ['--import', 'tsx', CLI, ...args]];
  try {
    const { stdout, stderr } = await run(cmd as string, argv as string[], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let n = 0;
/** A terminal database holding three ratings; `tamper` then does what someone with the file could. */
function terminalDb(tamper?: string): { file: string; ids: string[] } {
  const dir = join(tmp.file(''), `t${++n}`);
  const file = join(dir, 'terminal.sqlite');
  const db = openDatabase(file);
  const ids = [1, 2, 3].map(
    (i) =>
      appendRating(db, {
        serviceId: `01JQ${String(i).padStart(22, '0')}`,
        ticketNumber: `A00${i}`,
        counterNo: 2,
        clerkNumber: '0102',
        service: 'A',
        matter: '对外贸易',
        level: i === 2 ? 1 : 5,
        reasons: i === 2 ? ['unresolved'] : [],
        comment: null,
        channel: 'counter',
        recordedAt: `2026-03-02T09:0${i}:00.000Z`,
      }).id,
  );
  if (tamper) db.exec(`DROP TRIGGER rating_no_update; DROP TRIGGER rating_no_delete; ${tamper}`);
  db.close();
  return { file, ids };
}

describe('npm run verify on a terminal database', () => {
  it('says an untouched chain is intact, exits 0 and leaves the file as it was', async () => {
    const { file } = terminalDb();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const res = await verify(['terminal', file], {}, true);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('rating chain intact: 3');
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('checks this terminal’s own database (DATA_DIR) when given no file', async () => {
    const { file } = terminalDb();
    const res = await verify([], { DATA_DIR: join(file, '..') });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(file);
  });

  it('names the row whose bad rating was turned good in SQLite and exits 1', async () => {
    const { file, ids } = terminalDb("UPDATE rating SET doc = json_set(doc, '$.level', 5, '$.reasons', json('[]')) WHERE chain_seq = 2;");
    const res = await verify(['terminal', file]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('BROKEN');
    expect(res.stdout).toContain(`chain_seq 2, id ${ids[1]}`);
    expect(res.stdout).toContain('hash-mismatch');
  });

  it('names the gap of a deleted row and exits 1; --json gives the report', async () => {
    const { file, ids } = terminalDb('DELETE FROM rating WHERE chain_seq = 2;');
    const res = await verify(['terminal', file, '--json']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, rows: 2, firstBroken: { chainSeq: 2, id: ids[1], problem: 'missing-row' } });
  });

  it('exits 2 when there is no database to check', async () => {
    const res = await verify(['terminal', join(tmp.file(''), 'nowhere.sqlite')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('no database');
  });
});
