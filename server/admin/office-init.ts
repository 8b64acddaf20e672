// First start of a whole office on one computer (terminal/office.ts runs this before the server):
// registers the terminal, the hall's clerks and an office (supervision) account in one process and
// prints what the terminal needs and the accounts' one-time passwords.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { HallConfig, OFFICE_TERMINAL_NAME } from '../../core/contract/index.js';
import { loadServerConfig } from '../config.js';
import { openServerDb } from '../db/connection.js';
import { createStaff } from '../staff/repository.js';
import { createTerminal } from '../terminals/repository.js';

const [hallFile] = process.argv.slice(2);

/**
 * Display names for the seed hall's logins (assets/hall/staff-names.json), so visitors see 王芳, not
 * wang.fang; a login not in it is shown by its login until `staff rename`.
 */
function staffNames(): (login: string) => { name: string; latinName: string | null } {
  const seed = JSON.parse(readFileSync(new URL('../../assets/hall/staff-names.json', import.meta.url), 'utf8')) as Record<string, { name: string; latin?: string }>;
  return (login) => ({ name: seed[login]?.name ?? login, latinName: seed[login]?.latin ?? null });
}
const config = loadServerConfig();
const db = await openServerDb(config.db);
try {
  const hall = HallConfig.parse(JSON.parse(readFileSync(hallFile!, 'utf8')));
  const now = config.now();
  const { code } = await createTerminal(db, { name: OFFICE_TERMINAL_NAME, hall: hall.hall, roles: ['kiosk', 'counter', 'rating', 'hall'] }, now, config.enrollCodeTtlMs);
  const logins = [...new Set(hall.services.flatMap((s) => [s.aClerk, s.bClerk]).filter((l): l is string => !!l))];
  const names = staffNames();
  const clerks = [];
  for (const [i, login] of logins.entries()) {
    const password = randomBytes(9).toString('base64url');
    await createStaff(db, { login, ...names(login), number: String(101 + i).padStart(4, '0'), role: 'clerk', hall: hall.hall }, password, now);
    clerks.push({ login, password });
  }
  // The supervision pages' account (office role: follows up bad ratings and complaints).
  const office = { login: 'office', password: randomBytes(12).toString('base64url') };
  await createStaff(db, { login: office.login, ...names(office.login), number: '0001', role: 'office' }, office.password, now);
  console.log(JSON.stringify({ code, clerks, office }));
} finally {
  await db.destroy();
}
