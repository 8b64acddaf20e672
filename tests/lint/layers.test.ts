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
    // An allow-list, not a deny-list: a package no one listed for the layer is refused.
    ['renderer/x.ts', "import pg from 'pg';"],
    ['renderer/x.ts', "import { Kysely } from 'kysely';"],
    ['renderer/x.ts', "import { scrypt } from 'node:crypto';"],
    ['server/x.ts', "import Database from 'better-sqlite3';"],
    ['server/x.ts', "import { openDatabase } from '../core/db/connection.js';"],
    // Runtime code never leans on the test helpers.
    ['server/x.ts', "import { backends } from '../tests/e2e/browser.js';"],
    ['native/printer/x.ts', "export { ticket } from '../../tests/devices/slips.js';"],
    // A template literal is checked like a string; a computed name that could reach anywhere is refused.
    ['renderer/x.ts', 'const m = await import(`../server/app.js`);'],
    ['renderer/x.ts', 'const m = await import(`../server/${name}.js`);'],
    ['renderer/x.ts', 'const m = await import(`${base}/app.js`);'],
    ['renderer/x.ts', 'const m = await import(name);'],
    // .cts files are linted too, with require() and import = require().
    ['electron/x.cts', "import fs = require('../server/app.js');"],
    ['electron/x.cts', "const ui = require('react');"],
    // The pure shared layer: no I/O, no Node-only API, nothing but zod and the contract.
    ['core/common/x.ts', "import { createHash } from 'node:crypto';"],
    ['core/common/x.ts', "import { openDatabase } from '../db/connection.js';"],
    ['core/common/x.ts', "import { ulid } from 'ulid';"],
    ['core/contract/x.ts', "import { hallDay } from '../common/hall-time.js';"],
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
    ['native/printer/x.test.ts', "import { ticket } from '../../tests/devices/slips.js';"],
    ['renderer/x.ts', "import { hallDay } from '../core/common/hall-time.js';"],
    ['server/x.ts', "import { hallDay } from '../core/common/hall-time.js';"],
    ['native/printer/x.ts', "import { hallDay } from '../../core/common/hall-time.js';"],
    ['core/common/x.ts', "import { Ticket } from '../contract/queue.js';"],
    ['core/common/x.ts', "import { z } from 'zod';"],
    ['renderer/x.ts', 'const m = await import(`./locales/${lang}.json`);'],
    ['server/x.ts', "import { Kysely } from 'kysely';"],
    ['electron/x.cts', "import electron = require('electron');"],
  ])('allows %s importing %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
