import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Embedded PostgreSQL is one process's files: a second process opening them (the admin CLI while
 * the server runs) would corrupt them. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${pid} (the running server?). ` +
            'Stop it first, or run the server on PostgreSQL (DATABASE_URL) to administer it while it runs.',
          { cause: err },
        );
      }
      rmSync(file, { force: true }); // left by a process that died
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
