// `npm start` without SERVER_URL: a whole office on one computer. The central server runs as its own
// process on its embedded database (it shares nothing with the terminal but HTTP), and this
// terminal is registered and enrolled with it on first start.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../core/db/connection.js';
import { SyncClient } from '../core/sync/client.js';
import { certificateFingerprint, pinnedFetch } from '../core/sync/pinned-tls.js';
import { ROOT, type TerminalConfig } from './config.js';
import { superviseServer } from './office-supervisor.js';
import { followOfficePort } from './office-port.js';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
/** tsx's loader, for running a TypeScript script in node directly: one process, not tsx's launcher plus node. */
const TSX_LOADER = import.meta.resolve('tsx');

export interface Office {
  serverUrl: string;
  /** The central server's process now (null while a dead one waits to be started again). */
  readonly server: ChildProcess | null;
  /** Sign-in details of the clerks made on first start (empty afterwards). */
  clerks: { login: string; password: string }[];
  /** The supervision pages' office account made on first start (null afterwards). */
  officeAccount: { login: string; password: string } | null;
  stop(): Promise<void>;
}

function serverEnv(config: TerminalConfig, port: number, tls = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(config.dataDir, 'server'), CATALOG_FILE: config.catalogFile, HOST: '127.0.0.1', PORT: String(port), TLS_SELF_SIGNED: String(tls) };
  delete env.DATABASE_URL;
  delete env.TLS_CERT_FILE;
  delete env.TLS_KEY_FILE;
  return env;
}

/** Where the office's server keeps the self-signed pair it makes on first run (server/config.ts). */
const officeCertFile = (config: TerminalConfig) => join(config.dataDir, 'server', 'tls', 'server.crt');

function admin(config: TerminalConfig, port: number, args: string[], script: string): string {
  const r = spawnSync(TSX, [join(ROOT, script), ...args], { cwd: ROOT, env: serverEnv(config, port), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Waits until the central server at `url` answers, failing early when its process `child` exits. */
export async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The central server exited (${child.signalCode ?? `code ${child.exitCode}`}); see its log.`);
    try {
      // A probe that sends nothing secret: any certificate will do for it.
      if ((await (url.startsWith('https:') ? pinnedFetch(null) : fetch)(`${url}/api/openapi.json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The central server did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

/**
 * Registers this terminal (all four roles) and the hall's clerks on first start, starts the
 * central server and enrolls the terminal. The admin steps run before the server starts, because
 * the embedded database admits one process at a time. Later starts do not wait for the server.
 */
export async function startOffice(config: TerminalConfig, serverPort: number, log: (l: string) => void): Promise<Office> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, 'terminal.sqlite'));
  const sync = new SyncClient(db);
  let code: string | null = null;
  const clerks: { login: string; password: string }[] = [];
  let officeAccount: { login: string; password: string } | null = null;
  // A new office talks HTTPS with a pair it makes itself; one enrolled over plain HTTP before keeps it.
  let tls = existsSync(officeCertFile(config));
  const serverUrlFor = (secure: boolean) => `${secure ? 'https' : 'http'}://127.0.0.1:${serverPort}`;
  try {
    if (sync.identity()) {
      followOfficePort(db, serverUrlFor(tls), tls ? certificateFingerprint(readFileSync(officeCertFile(config))) : null, log);
    } else {
      tls = true;
      const first = JSON.parse(admin(config, serverPort, [config.hallConfigFile], 'server/admin/office-init.ts')) as { code: string; clerks: { login: string; password: string }[]; office: { login: string; password: string } };
      code = first.code;
      clerks.push(...first.clerks);
      officeAccount = first.office;
    }
  } finally {
    db.close();
  }

  const serverUrl = serverUrlFor(tls);
  const serverLog = join(config.dataDir, 'server.log');
  const logFile = createWriteStream(serverLog, { flags: 'a' });
  const supervised = superviseServer({
    start: () => spawn(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'server/start.ts')], { cwd: ROOT, env: serverEnv(config, serverPort, tls), stdio: ['ignore', 'pipe', 'pipe'] }),
    log,
    serverLog: logFile,
  });
  const stop = async () => {
    await supervised.stop();
    await new Promise((r) => logFile.end(r));
  };
  const where = `Central server (embedded PostgreSQL in ${join(config.dataDir, 'server')}) at ${serverUrl}; its log: ${serverLog}`;
  if (!code) {
    // Enrolled already: the terminal works offline first, so it starts now and syncs once its server answers.
    void waitForServer(serverUrl, supervised.child!).then(
      () => log(where),
      (err: Error) => log(`${err.message} The terminal works offline meanwhile. ${where}`),
    );
  } else {
    try {
      await waitForServer(serverUrl, supervised.child!);
      const enrollDb = openDatabase(join(config.dataDir, 'terminal.sqlite'));
      try {
        // The certificate is read from the server's own folder on this computer, so the pin is never a guess.
        const fingerprint = tls ? certificateFingerprint(readFileSync(officeCertFile(config))) : undefined;
        const id = await new SyncClient(enrollDb).enroll(serverUrl, code, fingerprint ? { fingerprint } : {});
        log(`This computer is enrolled as terminal ${id.terminalId} of hall ${id.hall}.`);
      } finally {
        enrollDb.close();
      }
    } catch (err) {
      await stop();
      throw err;
    }
    log(where);
  }
  return {
    serverUrl,
    get server() {
      return supervised.child;
    },
    clerks,
    officeAccount,
    stop,
  };
}
