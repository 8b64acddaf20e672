import { parseArgs } from 'node:util';
import { NewStaff, NewTerminal, StaffPassword, TERMINAL_ROLES, type TerminalRecord } from '../../core/contract/index.js';
import { createAnnouncement, currentAnnouncements, withdrawAnnouncement } from '../announcements/repository.js';
import { CERTIFICATE_USAGE, certificateCommand, CertificateUsageError } from '../certificates/cli.js';
import { loadServerConfig, type ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { openFailureCounts } from '../events/failures.js';
import { hallConfig, importHallConfig, listHallConfigs } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { importServerCatalog } from '../sync/catalog.js';
import { PhotoError, preparePhoto, PHOTO_HEIGHT, PHOTO_MAX_BYTES, PHOTO_WIDTH } from '../staff/photo.js';
import { createStaff, disableStaff, listStaff, renameStaff, setStaffHall, setStaffPassword, setStaffPhoto, setStaffUnit, StaffExistsError } from '../staff/repository.js';
import { calendarReport } from './calendar-report.js';
import { failedEventsReport, reapplyReport } from './events-cli.js';
import { createTerminal, disableTerminal, listTerminals, reissueEnrollCode } from '../terminals/repository.js';
import { hallTable } from './hall-table.js';
import { fmt, table } from './table.js';

export const USAGE = `Usage: npm run server:admin -- <command>

  terminal create --name NAME --hall HALL --roles kiosk,counter,rating,hall
                                  register a terminal; prints its one-time enrollment code
  terminal list [--json]          terminals with hall, roles, enrollment and last contact
  terminal code ID                a new enrollment code for a terminal (its old key stops working)
  terminal disable ID             refuse the terminal's requests from now on
  staff create --login L --name N [--latin LATIN] --number NO --role clerk|supervisor|admin|office|department|inspector
                [--unit DEPARTMENT] [--hall HALL]
                                  --name is the display name visitors see (王芳), --latin its form for the
                                  en and ru screens (Wang Fang); password from STAFF_PASSWORD or the first
                                  line of stdin, never argv; a department account needs --unit, the
                                  department it answers for; a clerk needs --hall, the hall whose counters
                                  they sign in at
  staff password LOGIN            a new password (STAFF_PASSWORD or stdin, as at creation); the old one
                                  stops working, at the counters too once they sync
  staff rename LOGIN --name N [--latin LATIN]
                                  the display names; --latin "" removes the Latin form
  staff photo LOGIN FILE          the photo the counter and rating screens show: an image file of at most
                                  5 MB, made a 240×320 JPEG without metadata; reaches the hall's counters
  staff hall LOGIN HALL           moves a clerk to another hall: only that hall's counters hold them
  staff list [--json]
  staff disable LOGIN
  catalog import FILE             validate a catalog file as terminals do; if valid, it replaces the
                                  catalog and reaches every terminal (nothing changes when invalid)
  hall import FILE                a hall's queue lines and counters (one config or an array); replaces
                                  those halls' configs and reaches every terminal (nothing changes when invalid)
  hall show [HALL] [--json]       the queue lines and counters of one hall, or of all
  calendar show [YEAR]            holidays and make-up working days of HOLIDAYS_FILE that deadlines count on
  announce create --hall H --zh TEXT --en TEXT --ru TEXT --from YYYY-MM-DD --until YYYY-MM-DD
                                  a notice on the kiosks of one hall for those days
  announce list                   the notices current today
  announce withdraw ID            takes a notice off every kiosk
  events failed [--json]          uploaded events the server stored but could not apply, with the reason
  events reapply                  after a fix, applies each failed event once more; one that applies leaves
                                  the list, one that still fails stays with its new reason (exit code 1)
${CERTIFICATE_USAGE}

The database is DATABASE_URL if set, else the embedded one under DATA_DIR; while the server runs on
the embedded one, commands go to it through DATA_DIR/admin/socket.`;

export class UsageError extends Error {}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`);
  return v;
}

/** A terminal as `terminal list` shows it: its record and how many of its uploaded events could not be applied. */
type ListedTerminal = TerminalRecord & { failedEvents: number };

function terminalTable(rows: ListedTerminal[]): string {
  const head = ['ID', 'NAME', 'HALL', 'ROLES', 'PREFIX', 'ENROLLED', 'DISABLED', 'LAST SEEN', 'LAST SYNC', 'BACKLOG', 'DEAD', 'FAILED', 'CLOCK'];
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
    String(t.failedEvents),
    t.clockOffsetMs === null ? '-' : `${t.clockOffsetMs > 0 ? '+' : ''}${(t.clockOffsetMs / 1000).toFixed(1)}s`,
  ]);
  return table(head, body);
}

/** What a command needs from where it runs: in the CLI's own process, or in the server's for a forwarded one. */
export interface AdminIo {
  db: () => Promise<ServerDb>;
  out: (line: string) => void;
  readPassword: () => Promise<string>;
  /** A FILE argument, read relative to the directory the command was typed in. */
  readFile: (path: string) => string;
  /** A binary FILE argument, the same way: at most its first `maxBytes` + 1 bytes, so a file too large is seen without reading it all. */
  readBytes: (path: string, maxBytes: number) => Buffer;
}

export async function runAdminCommand(argv: string[], io: AdminIo, config: ServerConfig = loadServerConfig()): Promise<void> {
  const { db, out } = io;
  const [area, action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      hall: { type: 'string' },
      roles: { type: 'string' },
      login: { type: 'string' },
      latin: { type: 'string' },
      number: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      json: { type: 'boolean' },
      zh: { type: 'string' },
      en: { type: 'string' },
      ru: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      reason: { type: 'string' },
      state: { type: 'string' },
    },
  });
  if (area === 'certificate') {
    try {
      return await certificateCommand(action, positionals, values, io, config);
    } catch (err) {
      if (err instanceof CertificateUsageError) throw new UsageError(err.message);
      throw err;
    }
  }
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
      const failed = await openFailureCounts(await db());
      const rows = (await listTerminals(await db())).map((t) => ({ ...t, failedEvents: failed.get(t.id) ?? 0 }));
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
      const hall = values.hall?.trim() || null;
      const input = NewStaff.safeParse({ login: need(values, 'login'), name: need(values, 'name'), latinName: values.latin?.trim() || null, number: need(values, 'number'), role: need(values, 'role'), hall });
      if (!input.success) throw new UsageError(`Invalid staff account: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      if (input.data.role === 'clerk' && !hall) throw new UsageError('A clerk needs --hall, the hall whose counters they sign in at');
      if (input.data.role !== 'clerk' && hall) throw new UsageError('--hall is for clerks only: other accounts sign in at no counter');
      if (hall && !(await hallConfig(await db(), hall))) throw new Error(`No hall "${hall}" is configured (hall import first).`);
      const unit = values.unit?.trim() || null;
      if (input.data.role === 'department' && !unit) throw new UsageError('A department account needs --unit, the department it answers for');
      if (input.data.role !== 'department' && unit) throw new UsageError('--unit is for department accounts only');
      const password = StaffPassword.safeParse(await io.readPassword());
      if (!password.success) throw new Error('The password must be 10 to 256 characters long.');
      try {
        const s = await createStaff(await db(), input.data, password.data, now);
        if (unit) await setStaffUnit(await db(), s.login, unit);
        out(`Staff account ${s.login} (${s.name}${s.latinName ? ` / ${s.latinName}` : ''}, no. ${s.number}, ${s.role}${unit ? `, ${unit}` : ''}${hall ? `, hall ${hall}` : ''}) created.`);
      } catch (err) {
        if (err instanceof StaffExistsError) throw new Error(`A staff account with this ${err.field} already exists.`, { cause: err });
        throw err;
      }
      return;
    }
    case 'staff list': {
      const rows = await listStaff(await db());
      out(
        values.json
          ? JSON.stringify(rows, null, 2)
          : table(['LOGIN', 'NAME', 'LATIN', 'NUMBER', 'ROLE', 'HALL', 'PHOTO', 'DISABLED'], rows.map((s) => [s.login, s.name, s.latinName ?? '-', s.number, s.role, s.hall ?? '-', s.hasPhoto ? 'yes' : '-', fmt(s.disabledAt)])),
      );
      return;
    }
    case 'staff password': {
      const login = positionals[0] ?? '';
      if (!login) throw new UsageError('staff password needs LOGIN');
      const password = StaffPassword.safeParse(await io.readPassword());
      if (!password.success) throw new Error('The password must be 10 to 256 characters long; nothing was changed.');
      if (!(await setStaffPassword(await db(), login, password.data, now))) throw new Error(`No staff account "${login}"`);
      out(`New password set for ${login}; the old one no longer works (at the counters once they sync).`);
      return;
    }
    case 'staff rename': {
      const login = positionals[0] ?? '';
      if (!login) throw new UsageError('staff rename needs LOGIN');
      const names = NewStaff.pick({ name: true, latinName: true }).safeParse({ name: need(values, 'name'), latinName: values.latin?.trim() || null });
      if (!names.success) throw new UsageError(`Invalid name: ${names.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      if (!(await renameStaff(await db(), login, names.data.name, names.data.latinName ?? null, now))) throw new Error(`No staff account "${login}"`);
      out(`Staff account ${login} is now shown as ${names.data.name}${names.data.latinName ? ` (${names.data.latinName} on en and ru screens)` : ''}.`);
      return;
    }
    case 'staff photo': {
      const [login = '', file = ''] = positionals;
      if (!login || !file) throw new UsageError('staff photo needs LOGIN and FILE');
      let photo: Buffer;
      try {
        photo = await preparePhoto(io.readBytes(file, PHOTO_MAX_BYTES));
      } catch (err) {
        if (err instanceof PhotoError) throw new Error(`${err.message} Nothing was changed.`, { cause: err });
        const code = (err as { code?: string }).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new Error(`Cannot read the photo file "${file}" (${code}); nothing was changed.`, { cause: err });
        throw err;
      }
      if (!(await setStaffPhoto(await db(), login, photo, now))) throw new Error(`No staff account "${login}"`);
      out(`Photo of ${login} set (${PHOTO_WIDTH}×${PHOTO_HEIGHT} JPEG, ${Math.ceil(photo.length / 1024)} KB); the hall's counters receive it now.`);
      return;
    }
    case 'staff hall': {
      const [login = '', hall = ''] = positionals;
      if (!login || !hall) throw new UsageError('staff hall needs LOGIN and HALL');
      if (!(await hallConfig(await db(), hall))) throw new Error(`No hall "${hall}" is configured (hall import first).`);
      if (!(await setStaffHall(await db(), login, hall, now))) throw new Error(`No clerk "${login}": only clerks belong to a hall.`);
      out(`Clerk ${login} now serves hall ${hall}; the counters of their old hall drop them.`);
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
      const result = await importServerCatalog(await db(), io.readFile(file), new Date(now));
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
      const result = await importHallConfig(await db(), io.readFile(file), new Date(now));
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
    case 'announce create': {
      const a = await createAnnouncement(await db(), { hall: values.hall, text: { 'zh-CN': values.zh, en: values.en, ru: values.ru }, from: values.from, until: values.until }, now);
      out(`Announcement ${a.id} for hall ${a.hall}, ${a.from} to ${a.until}: on the terminals at their next sync.`);
      return;
    }
    case 'announce list': {
      const rows = await currentAnnouncements(await db(), hallDay(now, config.hallTimeZone));
      out(rows.length ? table(['ID', 'HALL', 'FROM', 'UNTIL', 'TEXT'], rows.map((a) => [a.id, a.hall, a.from, a.until, a.text['zh-CN']])) : 'No current announcements.');
      return;
    }
    case 'announce withdraw': {
      const id = positionals[0] ?? '';
      if (!id || !(await withdrawAnnouncement(await db(), id, now))) throw new Error(`No announcement "${id}"`);
      out('Withdrawn from every terminal.');
      return;
    }
    case 'events failed': {
      out(await failedEventsReport(await db(), values.json ?? false));
      return;
    }
    case 'events reapply': {
      const { lines, allApplied } = await reapplyReport(await db(), config);
      lines.forEach(out);
      if (!allApplied) throw new Error('Some events still fail; see `events failed`.');
      return;
    }
    default:
      throw new UsageError(area ? `Unknown command "${[area, action].filter(Boolean).join(' ')}"` : 'No command given');
  }
}

/** Runs a command and says how it ended as the CLI would: exit code and the error text for stderr. */
export async function adminOutcome(argv: string[], io: AdminIo, config?: ServerConfig): Promise<{ code: number; error?: string }> {
  try {
    await runAdminCommand(argv, io, config);
    return { code: 0 };
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return { code: 2, error: `${(err as Error).message}\n\n${USAGE}` };
    return { code: 1, error: (err as Error).message };
  }
}
