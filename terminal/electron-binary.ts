// Finding the Electron binary for `npm start`, and what to tell the operator when there is none.
// Kept apart from terminal/launch.ts (which acts on import) so it can be tested.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable, or null. The `electron` package exports its binary's path, and throws
 * when its download step never ran (as on machines without internet access); the path may also
 * name a file that is not there.
 */
export function findElectronBinary(
  resolveElectron: () => unknown = () => createRequire(import.meta.url)('electron'),
  exists: (path: string) => boolean = existsSync,
): string | null {
  try {
    const path = resolveElectron();
    return typeof path === 'string' && path !== '' && exists(path) ? path : null;
  } catch {
    return null;
  }
}

/** The message printed when the service runs without the Electron shell. */
export function browserFallbackMessage(url: string, role: string): string {
  const screens = role === 'office' ? ['kiosk', 'counter', 'rating', 'hall', 'status'] : role === 'counter' ? ['counter', 'rating'] : [role];
  return [
    'Electron binary not found (node_modules/electron has no dist/): running the terminal service in plain Node.',
    ...screens.map((s) => `Open the ${s} screen in a browser: ${url}/${s}`),
    `For a kiosk-like view use Chromium in kiosk mode, e.g.: chromium --kiosk ${url}/${screens[0]}`,
  ].join('\n');
}

/** The environment for the Electron child: never in run-as-node mode, whatever the parent had. */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}
