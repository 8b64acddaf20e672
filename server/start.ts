import { buildServerApp } from './http/app.js';
import { loadServerConfig } from './config.js';
import { openServerDb } from './db/connection.js';
import { ensureHallConfig } from './halls/default.js';
import { ensureCatalog } from './sync/catalog-seed.js';
import { serveAdminSocket } from './admin/socket.js';
import { loadTls } from './tls/certificate.js';

const config = loadServerConfig();
const db = await openServerDb(config.db);
const tls = loadTls(config.tls);
const app = await buildServerApp(db, config, { logger: true, ...(tls ? { https: tls } : {}) });
// The catalog first: the hall is then checked against it on import.
const catalogNote = config.catalogFile ? await ensureCatalog(db, config.catalogFile, new Date(config.now())) : null;
if (catalogNote) app.log[catalogNote.ok ? 'info' : 'warn'](catalogNote.message);
const hallNote = await ensureHallConfig(db, new Date(config.now()));
if (hallNote) app.log[hallNote.ok ? 'info' : 'warn'](hallNote.message);
const adminSocket = config.db.kind === 'pglite' ? await serveAdminSocket(db, config, (m) => app.log.warn(m)) : null;
const stop = async () => {
  adminSocket?.close();
  await app.close();
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
await app.listen({ host: config.host, port: config.port });
// Terminals pin this at enrollment; compare it with what `npm run terminal:enroll` prints.
app.log.info(tls ? `HTTPS; certificate SHA-256 fingerprint ${tls.fingerprint}` : 'plain HTTP (no TLS_CERT_FILE / TLS_SELF_SIGNED)');
app.log.info(`central server on ${config.db.kind === 'postgres' ? 'PostgreSQL' : `embedded PostgreSQL in ${config.dataDir}`}`);
