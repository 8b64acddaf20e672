import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { adminOutcome } from './commands.js';
import { readFileUpTo } from './file-input.js';

/**
 * The embedded database is one process's files, so while the server runs on it the admin CLI hands
 * its command to the server over a Unix socket. The socket sits in a directory only the server's
 * user can enter: whoever can reach it could read the database files anyway.
 */
export function adminSocketPath(dataDir: string): string {
  return join(dataDir, 'admin', 'socket');
}

const AdminRequest = z.object({
  argv: z.array(z.string()).max(64),
  cwd: z.string(),
  password: z.string().optional(),
});
type AdminRequest = z.infer<typeof AdminRequest>;

export interface AdminReply {
  code: number;
  stdout: string;
  stderr: string;
}

export async function serveAdminSocket(db: ServerDb, config: ServerConfig, log: (msg: string) => void): Promise<Server | null> {
  const path = adminSocketPath(config.dataDir);
  if (Buffer.byteLength(path) > 100) {
    log(`admin socket not served: its path is too long for a Unix socket (${path}); stop the server to administer it`);
    return null;
  }
  mkdirSync(join(config.dataDir, 'admin'), { recursive: true, mode: 0o700 });
  chmodSync(join(config.dataDir, 'admin'), 0o700);
  rmSync(path, { force: true }); // left by a server that died; we hold the database lock, so no other runs
  let queue = Promise.resolve();
  const server = createServer((conn) => {
    let text = '';
    conn.setEncoding('utf8');
    conn.on('error', () => conn.destroy());
    conn.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0) {
        if (text.length > 1_000_000) conn.destroy();
        return;
      }
      conn.removeAllListeners('data');
      // One command at a time, as separate CLI processes would run.
      queue = queue.then(async () => {
        const reply = await answer(db, config, text.slice(0, end));
        if (!conn.destroyed) conn.end(`${JSON.stringify(reply)}\n`);
      });
    });
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(path, done));
  return server;
}

async function answer(db: ServerDb, config: ServerConfig, line: string): Promise<AdminReply> {
  let req: AdminRequest;
  try {
    req = AdminRequest.parse(JSON.parse(line));
  } catch {
    return { code: 2, stdout: '', stderr: 'The admin socket did not understand the request.' };
  }
  const out: string[] = [];
  const outcome = await adminOutcome(
    req.argv,
    {
      db: async () => db,
      out: (s) => out.push(s),
      readPassword: async () => req.password ?? '',
      readFile: (p) => readFileSync(resolve(req.cwd, p), 'utf8'),
      readBytes: (p, max) => readFileUpTo(resolve(req.cwd, p), max),
    },
    config,
  );
  return { code: outcome.code, stdout: out.map((s) => `${s}\n`).join(''), stderr: outcome.error ? `${outcome.error}\n` : '' };
}

/** Sends a command to the running server; null when no server answers at the socket. */
export function forwardAdminCommand(dataDir: string, req: AdminRequest): Promise<AdminReply | null> {
  return new Promise((done) => {
    const conn = createConnection(adminSocketPath(dataDir));
    let text = '';
    let connected = false;
    conn.setEncoding('utf8');
    conn.on('connect', () => {
      connected = true;
      conn.write(`${JSON.stringify(req)}\n`);
    });
    conn.on('data', (chunk: string) => (text += chunk));
    conn.on('error', (err) => {
      if (!connected) return done(null);
      done({ code: 1, stdout: '', stderr: `The running server dropped the command: ${err.message}\n` });
    });
    conn.on('end', () => {
      try {
        done(JSON.parse(text) as AdminReply);
      } catch {
        done({ code: 1, stdout: '', stderr: 'The running server gave no answer; check its log.\n' });
      }
    });
  });
}
