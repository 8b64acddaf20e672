import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainReport } from '../core/contract/index.js';
import { verifyChain } from '../core/ratings/chain.js';
import { verifyOffline } from './certificates/verify-offline.js';
import { cliLang, verdictText } from './certificates/verdict-text.js';
import { loadConfig, ROOT } from './config.js';

// npm run verify                            this terminal's database (DATA_DIR, as for npm start)
// npm run verify -- terminal FILE.sqlite    any terminal database
// npm run verify -- server [ARGS…]          the central server's chains (server/ratings/verify-cli.ts)
// npm run verify -- certificate PAYLOAD     a certificate's QR text, offline, against this terminal's keys
//                                           (DATA_DIR; --db FILE.sqlite for another); in LANG's language.
// Add --json for the report as JSON. Exit code: 0 intact (genuine), 1 broken (any other verdict), 2 could not check.

const PROBLEMS: Record<NonNullable<ChainReport['firstBroken']>['problem'], string> = {
  'hash-mismatch': '该行内容被改动 / the row was edited after it was recorded',
  'link-broken': '该行与上一行的哈希链接断开 / the row does not link to the one before (that row or this was changed)',
  'missing-row': '该行缺失（被删除）/ the row is missing (deleted)',
  'out-of-order': '该行位置被调换 / the row was moved out of its place',
  displaced: '该位置存放的是另一条评价 / another rating holds this row\'s place',
  'short-of-head': '评价链短于终端报告的末行 / the chain stops short of the last row the terminal reported',
};

function usage(): never {
  console.error('用法 / usage: npm run verify [-- terminal FILE.sqlite | -- server [ARGS…] | -- certificate PAYLOAD [--db FILE.sqlite]] [--json]');
  process.exit(2);
}

function verifyTerminal(file: string, json: boolean): number {
  if (!existsSync(file)) {
    console.error(`找不到数据库 / no database at ${file}`);
    return 2;
  }
  // Read-only: checking a database must never change the evidence in it.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rating'").get()) {
      console.error(`不是终端数据库，或版本早于评价功能 / not a terminal database with ratings: ${file}`);
      return 2;
    }
    const report = verifyChain(db);
    if (json) console.log(JSON.stringify(report));
    else if (report.ok) console.log(`评价链完好 / rating chain intact: ${report.rows} 行 / rows in ${report.chains} chain(s) — ${file}`);
    else {
      const b = report.firstBroken!;
      console.log(`评价链被破坏 / rating chain BROKEN — ${file}`);
      console.log(`  第一处 / first broken row: terminal ${b.terminal}, chain_seq ${b.chainSeq}${b.id ? `, id ${b.id}` : ''}`);
      console.log(`  ${b.problem}: ${PROBLEMS[b.problem]}`);
    }
    return report.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

function verifyServer(args: string[]): number {
  const cli = join(ROOT, 'server/ratings/verify-cli.ts');
  if (!existsSync(cli)) {
    console.error('本版本没有中心服务器的校验命令 / this build has no server verification (server/ratings/verify-cli.ts)');
    return 2;
  }
  // The server is its own layer: run its command as a process of its own, with the same TypeScript loader.
  const run = spawnSync(process.execPath, [...process.execArgv, cli, ...args], { stdio: 'inherit' });
  return run.status ?? 2;
}

function verifyCertificate(args: string[], json: boolean): number {
  const at = args.indexOf('--db');
  const file = at >= 0 ? args[at + 1] : join(loadConfig().dataDir, 'terminal.sqlite');
  const payload = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1))[0];
  if (!payload || !file) usage();
  if (!existsSync(file)) {
    console.error(`找不到数据库 / no database at ${file}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const verdict = verifyOffline(db, payload);
    console.log(json ? JSON.stringify(verdict) : verdictText(verdict, cliLang(process.env.LANG)));
    return verdict.verdict === 'genuine' ? 0 : 1;
  } finally {
    db.close();
  }
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const rest = args.filter((a) => a !== '--json');
const [target, ...more] = rest;
if (target === 'certificate') process.exitCode = verifyCertificate(more, json);
else if (target === 'server') process.exitCode = verifyServer(args.slice(args.indexOf('server') + 1));
else if (target === 'terminal' || target === undefined) {
  if (more.length > 1) usage();
  process.exitCode = verifyTerminal(more[0] ?? join(loadConfig().dataDir, 'terminal.sqlite'), json);
} else usage();
