import { join } from 'node:path';
import { openDatabase } from '../core/db/connection.js';
import { SyncClient, SyncRequestError } from '../core/sync/client.js';
import { loadConfig } from './config.js';

// npm run terminal:enroll -- SERVER_URL CODE   (DATA_DIR picks the terminal database, as for npm start)
const [serverUrl, code] = process.argv.slice(2);
if (!serverUrl || !code) {
  console.error('用法 / usage: npm run terminal:enroll -- SERVER_URL ENROLLMENT_CODE');
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(join(config.dataDir, 'terminal.sqlite'));
try {
  const id = await new SyncClient(db).enroll(serverUrl, code);
  console.log(`已登记 / enrolled: ${id.name} (${id.terminalId}), hall ${id.hall}, roles ${id.roles.join(', ')}`);
  console.log('重启终端服务后开始同步 / restart the terminal service to start syncing.');
} catch (err) {
  if (!(err instanceof SyncRequestError)) throw err;
  const message = (err.body as { error?: { message?: string } } | null)?.error?.message;
  console.error(
    err.code === 'NETWORK'
      ? `无法连接中心服务器 / cannot reach the central server at ${serverUrl}`
      : `登记被拒绝 / enrollment refused: ${err.code}${message ? ` — ${message}` : ''}`,
  );
  process.exitCode = 1;
} finally {
  db.close();
}
