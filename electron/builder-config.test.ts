// electron-builder is not installed here (it downloads Electron), so its config is checked as text:
// the security-relevant lines must stay as DESIGN.md section 7 wants them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const yml = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { main: string; scripts: Record<string, string> };

function value(key: string): string | undefined {
  return new RegExp(`^\\s*${key}:\\s*([^#\\n]*?)\\s*(#.*)?$`, 'm').exec(yml)?.[1];
}

describe('electron-builder.yml', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableCookieEncryption', 'true'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
  ])('sets the fuse %s to %s', (fuse, expected) => {
    expect(value(fuse)).toBe(expected);
  });

  it('packs the app into asar but leaves better-sqlite3 native addon unpacked', () => {
    expect(value('asar')).toBe('true');
    expect(yml).toMatch(/asarUnpack:\s*\n\s*- "\*\*\/node_modules\/better-sqlite3\/\*\*\/\*\.node"/);
  });

  it('ships the seed catalog and the built screens where electron/paths.ts looks for them', () => {
    expect(yml).toMatch(/- from: assets\s*\n\s*to: assets/);
    expect(yml).toMatch(/- from: dist\/renderer\s*\n\s*to: renderer/);
  });

  it('packs the compiled main that package.json names', () => {
    expect(pkg.main).toBe('dist-electron/electron/main.js');
    expect(yml).toContain('- dist-electron/**/*');
    expect(pkg.scripts['build:electron']).toContain('electron/tsconfig.build.json');
  });

  it('builds AppImage and deb for Linux and an NSIS installer for Windows', () => {
    expect(yml).toMatch(/linux:\s*\n\s*target:\s*\n\s*- AppImage\s*\n\s*- deb/);
    expect(yml).toMatch(/win:\s*\n\s*target:\s*\n\s*- nsis/);
  });
});
