import { readFileSync } from 'node:fs';
import { loadServerConfig, type ServerConfig } from '../config.js';
import { openServerDb, type ServerDb } from '../db/connection.js';
import { adminOutcome } from './commands.js';
import { readFileUpTo } from './file-input.js';
import { adminDataDir } from './office-dir.js';
import { readPassword } from './password-input.js';
import { forwardAdminCommand } from './socket.js';

/** `npm run server:admin -- <command>` (cli.ts), and `npm run server:announce -- …` (announce-cli.ts). */
export async function adminMain(argv: string[]): Promise<number> {
  const { env, note } = adminDataDir(process.env);
  if (note) process.stderr.write(`${note}\n`);
  const config = loadServerConfig(env);
  let password: string | undefined;
  if (config.db.kind === 'pglite') {
    password = argv[0] === 'staff' && (argv[1] === 'create' || argv[1] === 'password') ? await readPassword() : undefined;
    const reply = await forwardAdminCommand(config.dataDir, { argv, cwd: process.cwd(), password });
    if (reply) {
      process.stdout.write(reply.stdout);
      process.stderr.write(reply.stderr);
      return reply.code;
    }
  }
  return runHere(argv, config, password);
}

async function runHere(argv: string[], config: ServerConfig, password: string | undefined): Promise<number> {
  let db: ServerDb | undefined;
  try {
    const outcome = await adminOutcome(argv, {
      db: async () => (db ??= await openServerDb(config.db)),
      out: (s) => process.stdout.write(`${s}\n`),
      readPassword: password === undefined ? readPassword : async () => password,
      readFile: (p) => readFileSync(p, 'utf8'),
      readBytes: readFileUpTo,
    }, config);
    if (outcome.error) process.stderr.write(`${outcome.error}\n`);
    return outcome.code;
  } finally {
    await db?.destroy();
  }
}
