// `npm start` (after the screens are built): the Electron shell when its binary is installed,
// otherwise the terminal service in plain Node with directions for opening the screens in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, loadConfig } from './config.js';
import { browserFallbackMessage, electronEnv, findElectronBinary } from './electron-binary.js';
import { startTerminalService } from './service.js';

const electron = findElectronBinary();

if (electron) {
  const build = spawnSync('npm', ['run', 'build:electron'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Electron reads package.json "main" (dist-electron/electron/main.js) from the app folder.
  const child = spawn(electron, [ROOT], { cwd: ROOT, stdio: 'inherit', env: electronEnv(process.env) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const config = loadConfig();
  const service = await startTerminalService(config);
  console.log(browserFallbackMessage(service.url, config.role));
  const stop = async () => {
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
