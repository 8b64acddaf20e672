import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/connection.js';
import { SyncClient } from '../../core/sync/client.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { backends } from '../../server/test-db.js';
import { ROOT } from '../../terminal/config.js';
import { serverConfig, syncServer } from './upload-helpers.js';

const run = promisify(execFile);

function enrollCli(dataDir: string, ...args: string[]) {
  return run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'terminal/enroll-cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe.each(backends)('npm run terminal:enroll on $name', (backend) => {
  const fx = syncServer(backend, 'hall-enroll-cli-');

  it('enrolls the terminal database under DATA_DIR with the code the administrator printed', { timeout: 60_000 }, async () => {
    const { terminal, code } = await createTerminal(fx.db, { name: 'Kiosk 1', hall: 'main', roles: ['kiosk'] }, Date.now(), serverConfig.enrollCodeTtlMs);
    const dir = join(fx.tmp.dir, 'ok');
    const res = await enrollCli(dir, fx.url, code.toLowerCase());
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(terminal.id);
    const db = openDatabase(join(dir, 'terminal.sqlite'));
    expect(new SyncClient(db).identity()).toMatchObject({ terminalId: terminal.id, hall: 'main' });
    db.close();
  });

  it('a wrong code is refused plainly and leaves the terminal unenrolled', { timeout: 60_000 }, async () => {
    const dir = join(fx.tmp.dir, 'bad');
    const res = await enrollCli(dir, fx.url, 'AAAAA-AAAAA');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('ENROLL_CODE_INVALID');
    const db = openDatabase(join(dir, 'terminal.sqlite'));
    expect(new SyncClient(db).identity()).toBeNull();
    db.close();
  });
});
