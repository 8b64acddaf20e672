import { join } from 'node:path';
import { hallDateTime } from '../core/common/hall-time.js';
import { SCREEN_ROLES, ScreenRole } from '../core/contract/index.js';
import { openDatabase } from '../core/db/connection.js';
import { listPairings, revokePairing, startPairing } from '../core/screens/pairing.js';
import { loadConfig } from './config.js';
import { hostPort, lanAddresses } from './lan-addresses.js';

// npm run terminal:pair -- ROLE[,ROLE…] [NAME]   a one-time pairing address for a screen on another computer
// npm run terminal:pair -- --list | --revoke ID   (DATA_DIR, HOST and PORT as for npm start)
const args = process.argv.slice(2);
const usage = `用法 / usage: npm run terminal:pair -- ROLE[,ROLE] [NAME]   (ROLE: ${SCREEN_ROLES.join(', ')})\n       npm run terminal:pair -- --list | --revoke ID`;
const config = loadConfig();
const db = openDatabase(join(config.dataDir, 'terminal.sqlite'));
const now = new Date();
try {
  if (args[0] === '--list') {
    for (const p of listPairings(db, now)) console.log(`${p.id}  ${p.state.padEnd(8)} ${p.roles.join(',').padEnd(16)} ${p.name}`);
  } else if (args[0] === '--revoke' && args[1]) {
    const done = revokePairing(db, args[1], now);
    console.log(done ? `已撤销 / revoked: ${args[1]}` : `没有这块屏幕 / no such paired screen: ${args[1]}`);
    if (!done) process.exitCode = 1;
  } else {
    const roles = (args[0] ?? '').split(',').filter(Boolean);
    if (roles.length === 0 || !roles.every((r) => ScreenRole.safeParse(r).success)) {
      console.error(usage);
      process.exit(2);
    }
    const { code, expiresAt } = startPairing(db, roles as ScreenRole[], args.slice(1).join(' ') || roles.join('+'), now);
    const addresses = lanAddresses(config.host);
    console.log(`配对码 / pairing code: ${code}  (有效至 / valid until ${hallDateTime(expiresAt, config.timeZone)} ${config.timeZone}, 仅一次 / once)`);
    for (const a of addresses) console.log(`在要配对的屏幕上打开 / open on the screen to pair: http://${hostPort(a, config.port)}/pair?code=${code}`);
    if (addresses.length === 0) console.log(`HOST=${config.host}: 其他电脑无法连接 / other computers cannot reach this terminal; set HOST=0.0.0.0 (README.md "Devices").`);
  }
} finally {
  db.close();
}
