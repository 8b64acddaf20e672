import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/db/test-db.js';
import { screenInputsHash, screensNeedBuild, STAMP_FILE } from './screens-build.js';

let tmp: ReturnType<typeof tempDir>;
let root: string;
const dist = () => join(root, 'dist/renderer');

/** A tree built once from its current inputs, as `npm start` leaves it. */
function built(): void {
  mkdirSync(dist(), { recursive: true });
  writeFileSync(join(dist(), 'index.html'), '<!doctype html>');
  writeFileSync(join(dist(), STAMP_FILE), screenInputsHash(root));
}

beforeEach(() => {
  tmp = tempDir('hall-screens-');
  root = tmp.dir;
  mkdirSync(join(root, 'renderer/locales'), { recursive: true });
  mkdirSync(join(root, 'core/common'), { recursive: true });
  writeFileSync(join(root, 'renderer/App.tsx'), 'export const App = 1;');
  writeFileSync(join(root, 'renderer/locales/en.json'), '{"a":"b"}');
  writeFileSync(join(root, 'core/common/rule.ts'), 'export const r = 1;');
  writeFileSync(join(root, 'package-lock.json'), '{}');
});
afterEach(() => tmp.cleanup());

describe('npm start builds the screens only when they changed', () => {
  it('builds when nothing was built yet', () => {
    expect(screensNeedBuild(dist(), screenInputsHash(root))).toBe(true);
  });

  it('skips the build when no input changed since the last one', () => {
    built();
    expect(screensNeedBuild(dist(), screenInputsHash(root))).toBe(false);
  });

  it('builds again when a screen source, a locale, a shared rule or the lock file changed', () => {
    for (const file of ['renderer/App.tsx', 'renderer/locales/en.json', 'core/common/rule.ts', 'package-lock.json']) {
      built();
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(root, file), later, later);
      expect(screensNeedBuild(dist(), screenInputsHash(root)), file).toBe(true);
    }
  });

  it('builds again when a screen file is added or removed, or the built files are gone', () => {
    built();
    writeFileSync(join(root, 'renderer/New.tsx'), 'export {};');
    expect(screensNeedBuild(dist(), screenInputsHash(root))).toBe(true);
    built();
    rmSync(join(root, 'renderer/New.tsx'));
    expect(screensNeedBuild(dist(), screenInputsHash(root))).toBe(true);
    built();
    rmSync(join(dist(), 'index.html'));
    expect(screensNeedBuild(dist(), screenInputsHash(root))).toBe(true);
  });

  it('ignores a changed test file beside the screens', () => {
    writeFileSync(join(root, 'renderer/App.test.tsx'), 'test');
    built();
    writeFileSync(join(root, 'renderer/App.test.tsx'), 'test changed');
    expect(screensNeedBuild(dist(), screenInputsHash(root))).toBe(false);
  });
});
