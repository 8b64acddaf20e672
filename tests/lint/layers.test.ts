import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'hall/layers').map((m) => m.message);
}

describe('layer rule (DESIGN.md section 4)', () => {
  it.each([
    ['core/catalog/x.ts', "import { a } from '../../native/printer.js';"],
    ['core/catalog/x.ts', "import { BrowserWindow } from 'electron';"],
    ['core/contract/x.ts', "import { a } from '../db/connection.js';"],
    ['core/contract/x.ts', "import Database from 'better-sqlite3';"],
    ['renderer/kiosk/x.tsx', "import { openDatabase } from '../../core/db/connection.js';"],
    ['renderer/kiosk/x.tsx', "import { readFileSync } from 'node:fs';"],
    ['native/printer/x.ts', "import { searchProcedures } from '../../core/search/search.js';"],
    ['server/x.ts', "import { buildTerminalApp } from '../terminal/app.js';"],
    ['terminal/x.ts', "import { main } from '../electron/main.js';"],
    ['core/x.ts', "export * from '../renderer/app.js';"],
    ['renderer/x.ts', "const m = await import('../server/app.js');"],
  ])('refuses %s importing %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/kiosk/x.tsx', "import { api } from '../../core/contract/index.js';"],
    ['native/printer/x.ts', "import type { Lang } from '../../core/contract/common.js';"],
    ['terminal/x.ts', "import { openDatabase } from '../core/db/connection.js';"],
    ['electron/x.ts', "import { buildTerminalApp } from '../terminal/app.js';"],
    ['core/contract/x.ts', "import { z } from 'zod';"],
    ['renderer/x.test.ts', "import { readFileSync } from 'node:fs';"],
  ])('allows %s importing %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
