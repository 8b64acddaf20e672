import { loadConfig } from './config.js';
import { startTerminalService } from './service.js';

// The terminal service alone in plain Node (no Electron): `tsx terminal/start.ts`.
const service = await startTerminalService(loadConfig());
console.log(`Open the kiosk in a browser: ${service.url}/kiosk`);

const stop = async () => {
  await service.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
