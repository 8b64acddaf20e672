import { join } from 'node:path';
import { openDatabase } from '../core/db/connection.js';
import { SyncClient, SyncRequestError } from '../core/sync/client.js';
import { loadConfig } from './config.js';

// npm run terminal:enroll -- SERVER_URL CODE [SHA256_FINGERPRINT]   (DATA_DIR picks the terminal database, as for npm start)
const [serverUrl, code, fingerprint] = process.argv.slice(2);
if (!serverUrl || !code) {
  console.error('用法 / usage: npm run terminal:enroll -- SERVER_URL ENROLLMENT_CODE [SERVER_CERT_SHA256]');
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(join(config.dataDir, 'terminal.sqlite'));
try {
  const sync = new SyncClient(db);
  const id = await sync.enroll(serverUrl, code, fingerprint ? { fingerprint } : {});
  console.log(`已登记 / enrolled: ${id.name} (${id.terminalId}), hall ${id.hall}, roles ${id.roles.join(', ')}`);
  const pin = sync.pinnedCertificate();
  console.log(
    pin
      ? `已固定服务器证书 / pinned the server certificate, SHA-256 ${pin}\n请与服务器日志中的指纹核对 / check it against the fingerprint in the server's log.`
      : '未加密连接 (HTTP)：仅限可信网络 / plain HTTP: for a trusted network only.',
  );
  console.log('重启终端服务后开始同步 / restart the terminal service to start syncing.');
} catch (err) {
  if (!(err instanceof SyncRequestError)) throw err;
  const message = (err.body as { error?: { message?: string } } | null)?.error?.message;
  console.error(
    err.code === 'NETWORK'
      ? `无法连接中心服务器 / cannot reach the central server at ${serverUrl}`
      : err.code === 'CERTIFICATE_MISMATCH'
        ? `服务器证书与给定指纹不符，未登记 / the server's certificate does not match the fingerprint given; not enrolled`
        : `登记被拒绝 / enrollment refused: ${err.code}${message ? ` — ${message}` : ''}`,
  );
  process.exitCode = 1;
} finally {
  db.close();
}
