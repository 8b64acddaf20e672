import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NewStaff, NewTerminal, StaffPassword, TERMINAL_ROLES, type TerminalRecord } from '../../core/contract/index.js';
import { loadServerConfig } from '../config.js';
import { openServerDb, type ServerDb } from '../db/connection.js';
import { hallConfig, importHallConfig, listHallConfigs } from '../halls/repository.js';
import { importServerCatalog } from '../sync/catalog.js';
import { createStaff, disableStaff, listStaff, setStaffUnit, StaffExistsError } from '../staff/repository.js';
import { calendarReport } from './calendar-report.js';
import { createTerminal, disableTerminal, listTerminals, reissueEnrollCode } from '../terminals/repository.js';
import { hallTable } from './hall-table.js';
import { readPassword } from './password-input.js';

const USAGE = `Usage: npm run server:admin -- <command>

  terminal create --name NAME --hall HALL --roles kiosk,counter,rating,hall
                                  register a terminal; prints its one-time enrollment code
  terminal list [--json]          terminals with hall, roles, enrollment and last contact
  terminal code ID                a new enrollment code for a terminal (its old key stops working)
  terminal disable ID             refuse the terminal's requests from now on
  staff create --login L --name N --number NO --role clerk|supervisor|admin|office|department|inspector
                [--unit DEPARTMENT]
                                  password from STAFF_PASSWORD or the first line of stdin, never argv;
                                  a department account needs --unit, the department it answers for
  staff list [--json]
  staff disable LOGIN
  catalog import FILE             validate a catalog file as terminals do; if valid, it replaces the
                                  catalog and reaches every terminal (nothing changes when invalid)
  hall import FILE                a hall's queue lines and counters (one config or an array); replaces
                                  those halls' configs and reaches every terminal (nothing changes when invalid)
  hall show [HALL] [--json]       the queue lines and counters of one hall, or of all
  calendar show [YEAR]            holidays and make-up working days of HOLIDAYS_FILE that deadlines count on

The database is DATABASE_URL if set, else the embedded one under DATA_DIR (stop the server first).`;

class UsageError extends Error {}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`);
  return v;
}

function fmt(d: string | null): string {
  return d ? d.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

function terminalTable(rows: TerminalRecord[]): string {
  const head = ['ID', 'NAME', 'HALL', 'ROLES', 'PREFIX', 'ENROLLED', 'DISABLED', 'LAST SEEN', 'LAST SYNC', 'BACKLOG', 'DEAD', 'CLOCK'];
  const body = rows.map((t) => [
    t.id,
    t.name,
    t.hall,
    t.roles.join(','),
    t.ticketPrefix ?? '-',
    fmt(t.enrolledAt),
    fmt(t.disabledAt),
    fmt(t.lastSeenAt),
    fmt(t.lastSyncAt),
    t.outboxPending === null ? '-' : String(t.outboxPending),
    t.deadLetters === null ? '-' : String(t.deadLetters),
    t.clockOffsetMs === null ? '-' : `${t.clockOffsetMs > 0 ? '+' : ''}${(t.clockOffsetMs / 1000).toFixed(1)}s`,
  ]);
  return table(head, body);
}

function table(head: string[], body: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(width[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function run(argv: string[], db: () => Promise<ServerDb>, out: (s: string) => void): Promise<void> {
  const config = loadServerConfig();
  const [area, action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      hall: { type: 'string' },
      roles: { type: 'string' },
      login: { type: 'string' },
      number: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const key = `${area} ${action}`;
  const now = config.now();
  switch (key) {
    case 'terminal create': {
      const input = NewTerminal.safeParse({ name: need(values, 'name'), hall: need(values, 'hall'), roles: need(values, 'roles').split(',').map((r) => r.trim()) });
      if (!input.success) throw new UsageError(`Invalid terminal: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} (roles: ${TERMINAL_ROLES.join(', ')})`);
      const { terminal, code } = await createTerminal(await db(), input.data, now, config.enrollCodeTtlMs);
      out(`Terminal ${terminal.id} "${terminal.name}" in hall ${terminal.hall} (${terminal.roles.join(', ')})`);
      out(`Enrollment code: ${code}`);
      out(`Valid until ${fmt(new Date(now + config.enrollCodeTtlMs).toISOString())}; it works once.`);
      return;
    }
    case 'terminal list': {
      const rows = await listTerminals(await db());
      out(values.json ? JSON.stringify(rows, null, 2) : rows.length ? terminalTable(rows) : 'No terminals yet.');
      return;
    }
    case 'terminal code': {
      const id = positionals[0] ?? '';
      const code = id && (await reissueEnrollCode(await db(), id, now, config.enrollCodeTtlMs));
      if (!code) throw new Error(`No terminal with id "${id}"`);
      out(`Enrollment code: ${code}`);
      out(`Valid until ${fmt(new Date(now + config.enrollCodeTtlMs).toISOString())}; it works once. The terminal's old key no longer works.`);
      return;
    }
    case 'terminal disable': {
      const id = positionals[0] ?? '';
      if (!id || !(await disableTerminal(await db(), id, now))) throw new Error(`No terminal with id "${id}"`);
      out(`Terminal ${id} is disabled; its requests are refused from now on.`);
      return;
    }
    case 'staff create': {
      const input = NewStaff.safeParse({ login: need(values, 'login'), name: need(values, 'name'), number: need(values, 'number'), role: need(values, 'role') });
      if (!input.success) throw new UsageError(`Invalid staff account: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const unit = values.unit?.trim() || null;
      if (input.data.role === 'department' && !unit) throw new UsageError('A department account needs --unit, the department it answers for');
      if (input.data.role !== 'department' && unit) throw new UsageError('--unit is for department accounts only');
      const password = StaffPassword.safeParse(await readPassword());
      if (!password.success) throw new Error('The password must be 10 to 256 characters long.');
      try {
        const s = await createStaff(await db(), input.data, password.data, now);
        if (unit) await setStaffUnit(await db(), s.login, unit);
        out(`Staff account ${s.login} (${s.name}, no. ${s.number}, ${s.role}${unit ? `, ${unit}` : ''}) created.`);
      } catch (err) {
        if (err instanceof StaffExistsError) throw new Error(`A staff account with this ${err.field} already exists.`, { cause: err });
        throw err;
      }
      return;
    }
    case 'staff list': {
      const rows = await listStaff(await db());
      out(values.json ? JSON.stringify(rows, null, 2) : table(['LOGIN', 'NAME', 'NUMBER', 'ROLE', 'DISABLED'], rows.map((s) => [s.login, s.name, s.number, s.role, fmt(s.disabledAt)])));
      return;
    }
    case 'staff disable': {
      const login = positionals[0] ?? '';
      if (!login || !(await disableStaff(await db(), login, now))) throw new Error(`No staff account "${login}"`);
      out(`Staff account ${login} is disabled.`);
      return;
    }
    case 'catalog import': {
      const file = positionals[0];
      if (!file) throw new UsageError('catalog import needs a FILE');
      const result = await importServerCatalog(await db(), readFileSync(file, 'utf8'), new Date(now));
      if (!result.ok) {
        const lines = result.issues.map((i) => `  ${i.path}${i.procedure ? ` [${i.procedure}]` : ''}: ${i.message}`);
        throw new Error(`The catalog has ${result.issues.length} error(s); nothing was imported.\n${lines.join('\n')}`);
      }
      out(`Catalog imported: ${result.procedures} procedures in ${result.categories} categories (change ${result.seq}); terminals pull it now.`);
      return;
    }
    case 'hall import': {
      const file = positionals[0];
      if (!file) throw new UsageError('hall import needs a FILE');
      const result = await importHallConfig(await db(), readFileSync(file, 'utf8'), new Date(now));
      if (!result.ok) {
        const lines = result.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`);
        throw new Error(`The hall config has ${result.issues.length} error(s); nothing was imported.\n${lines.join('\n')}`);
      }
      for (const h of result.halls) out(`Hall ${h.hall} configured (change ${h.seq}); terminals pull it now.`);
      return;
    }
    case 'hall show': {
      const hall = positionals[0];
      const configs = hall ? [(await hallConfig(await db(), hall))?.config].filter((c) => c !== undefined) : await listHallConfigs(await db());
      if (hall && !configs.length) throw new Error(`No hall "${hall}" is configured.`);
      out(values.json ? JSON.stringify(hall ? configs[0] : configs, null, 2) : configs.length ? configs.map(hallTable).join('\n\n') : 'No hall is configured yet.');
      return;
    }
    case 'calendar show': {
      const year = positionals[0] ? Number(positionals[0]) : new Date(now).getUTCFullYear();
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('calendar show takes a year such as 2026');
      out(calendarReport(config.holidaysFile, year, config.caseDeadlineWorkingDays, config.complaintDeadlineWorkingDays));
      return;
    }
    default:
      throw new UsageError(area ? `Unknown command "${[area, action].filter(Boolean).join(' ')}"` : 'No command given');
  }
}

async function main(): Promise<number> {
  let db: ServerDb | undefined;
  const open = async () => (db ??= await openServerDb(loadServerConfig().db));
  try {
    await run(process.argv.slice(2), open, (s) => process.stdout.write(`${s}\n`));
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  } finally {
    await db?.destroy();
  }
}

process.exitCode = await main();
