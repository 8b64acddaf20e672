import { readFileSync } from 'node:fs';
import { adminOutcome } from '../admin/commands.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';

/** Runs `server:admin -- …` in this process, on `db`, as the CLI (and its socket) runs it: exit code, output, error text. */
export async function adminHere(db: ServerDb, config: ServerConfig, argv: string[]): Promise<{ code: number; out: string; error: string }> {
  const lines: string[] = [];
  const r = await adminOutcome(
    argv,
    {
      db: async () => db,
      out: (l) => lines.push(l),
      readPassword: async () => '',
      readFile: (p) => readFileSync(p, 'utf8'),
      readBytes: (p) => readFileSync(p),
    },
    config,
  );
  return { code: r.code, out: lines.join('\n'), error: r.error ?? '' };
}
