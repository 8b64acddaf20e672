import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogStats } from '../core/catalog/repository.js';
import { importCatalogText } from '../core/catalog/import.js';
import { openDatabase } from '../core/db/connection.js';
import { buildTerminalApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const db = openDatabase(join(config.dataDir, 'terminal.sqlite'));
if (catalogStats(db).procedures === 0) {
  const summary = importCatalogText(db, readFileSync(config.catalogFile, 'utf8'));
  console.log(`Imported the seed catalog: ${summary.procedures} procedures in ${summary.categories} categories.`);
}
const app = await buildTerminalApp(db, config);
const address = await app.listen({ host: config.host, port: config.port });
console.log(`Terminal service (${config.role}) listening on ${address}`);
console.log(`Open the kiosk in a browser: ${address}/kiosk`);

const stop = async () => {
  await app.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
