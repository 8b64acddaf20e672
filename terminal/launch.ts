// `npm start` (after the screens are built). Without SERVER_URL it runs a whole office on this
// computer: the central server on its embedded database plus this terminal, enrolled with it.
// Then the Electron shell when its binary is installed, otherwise the terminal service in plain
// Node with directions for opening the screens in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, loadConfig } from './config.js';
import { browserFallbackMessage, electronEnv, findElectronBinary } from './electron-binary.js';
import { startOffice, type Office } from './office.js';
import { startTerminalService } from './service.js';

const config = loadConfig();
const office: Office | null = process.env.SERVER_URL ? null : await startOffice(config, Number(process.env.SERVER_PORT ?? 4800), console.log);
for (const c of office?.clerks ?? []) console.log(`Clerk account made for this office: ${c.login} / ${c.password} (shown once; change with npm run server:admin -- staff password ${c.login})`);
if (office?.officeAccount) {
  const a = office.officeAccount;
  console.log(`Office (supervision) account made for this office: ${a.login} / ${a.password} (shown once; sign in at ${office.serverUrl}/supervisor; change with npm run server:admin -- staff password ${a.login})`);
}
if (office) console.log(`Supervision pages (central server): ${office.serverUrl}/supervisor`);
const electron = findElectronBinary();

if (electron) {
  const build = spawnSync('npm', ['run', 'build:electron'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Electron reads package.json "main" (dist-electron/electron/main.js) from the app folder.
  const child = spawn(electron, [ROOT], { cwd: ROOT, stdio: 'inherit', env: electronEnv(process.env) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => void office?.stop().finally(() => process.exit(code ?? (signal ? 1 : 0))));
} else {
  const service = await startTerminalService(config);
  console.log(browserFallbackMessage(service.url, office ? 'office' : config.role));
  const stop = async () => {
    await service.stop();
    await office?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
