// First start of a whole office on one computer (terminal/office.ts runs this before the server):
// registers the terminal and the hall's clerks in one process and prints what the terminal needs.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { HallConfig, OFFICE_TERMINAL_NAME } from '../../core/contract/index.js';
import { loadServerConfig } from '../config.js';
import { openServerDb } from '../db/connection.js';
import { createStaff } from '../staff/repository.js';
import { createTerminal } from '../terminals/repository.js';

const [hallFile] = process.argv.slice(2);
const config = loadServerConfig();
const db = await openServerDb(config.db);
try {
  const hall = HallConfig.parse(JSON.parse(readFileSync(hallFile!, 'utf8')));
  const now = config.now();
  const { code } = await createTerminal(db, { name: OFFICE_TERMINAL_NAME, hall: hall.hall, roles: ['kiosk', 'counter', 'rating', 'hall'] }, now, config.enrollCodeTtlMs);
  const logins = [...new Set(hall.services.flatMap((s) => [s.aClerk, s.bClerk]).filter((l): l is string => !!l))];
  const clerks = [];
  for (const [i, login] of logins.entries()) {
    const password = randomBytes(9).toString('base64url');
    await createStaff(db, { login, name: login, number: String(101 + i).padStart(4, '0'), role: 'clerk', hall: hall.hall }, password, now);
    clerks.push({ login, password });
  }
  console.log(JSON.stringify({ code, clerks }));
} finally {
  await db.destroy();
}
