import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-cycles.js';

const root = resolve(import.meta.dirname, '../..');

describe('import cycles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  };

  it('the walker finds a cycle through type-only imports, re-exports and import(), and leaves tests and acyclic imports out', () => {
    write({
      'a/one.ts': "import type { Two } from '../b/two.js';\nexport type One = Two;",
      'b/two.ts': "export * from './three.js';\nexport type Two = string;",
      'b/three.ts': "export const load = () => import('../a/one.js');",
      'c/alone.ts': "import { load } from '../b/three.js';\nexport const x = load;",
      'c/alone.test.ts': "import { x } from './alone.js';\nimport { load } from '../b/three.js';",
      'b/three.test.ts': "import { x } from '../c/alone.js';\nexport const y = x;",
      'c/more.ts': "import { x } from './alone.js';\nexport const z = x;",
    });
    expect(importCycles(importGraph(dir), dir)).toEqual([['a/one.ts', 'b/three.ts', 'b/two.ts']]);
  });

  it('server/ has none: a module that needs another part back takes it as a hook where the server is composed', () => {
    expect(importCycles(importGraph(join(root, 'server')), root)).toEqual([]);
  });
});
