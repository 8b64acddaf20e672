// `npm start` builds the screens only when their sources changed since the last build: a hash of
// every input's path, size and modification time, kept next to the built files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the screen build reads: the renderer, the two core layers it imports, and the locked dependencies. */
export const SCREEN_INPUTS = ['renderer', 'core/common', 'core/contract', 'package-lock.json'];
/** Where the last build's input hash is kept (vite empties dist/renderer, so it is written after the build). */
export const STAMP_FILE = '.build-inputs';

function* files(path: string): Generator<string> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || /\.test\.tsx?$/.test(entry)) continue;
    yield* files(join(path, entry));
  }
}

/** The hash of the screen build's inputs under `root`: changes when a file is added, removed, resized or touched. */
export function screenInputsHash(root: string, inputs: readonly string[] = SCREEN_INPUTS): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(join(root, input))) {
      const st = statSync(file);
      hash.update(`${relative(root, file)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

/** True when `distDir` holds no build, or one made from other inputs than `hash`. */
export function screensNeedBuild(distDir: string, hash: string): boolean {
  if (!existsSync(join(distDir, 'index.html'))) return true;
  const stamp = join(distDir, STAMP_FILE);
  return !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== hash;
}

/** Builds the screens into `root`/dist/renderer unless they are up to date; exits on a failed build. */
export function ensureScreensBuilt(root: string, log: (line: string) => void): void {
  const distDir = join(root, 'dist/renderer');
  // Hashed before building, so a file edited during the build makes the next start build again.
  const hash = screenInputsHash(root);
  if (!screensNeedBuild(distDir, hash)) {
    log('Screens are up to date (nothing under renderer/ changed since the last build).');
    return;
  }
  log('Building the screens…');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(join(distDir, STAMP_FILE), `${hash}\n`);
}
