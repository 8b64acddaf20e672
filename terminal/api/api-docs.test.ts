import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../config.js';
import { apiMarkdown, terminalOpenApi } from './api-docs.js';
import { VERSION_FOR_DOCS } from './docs-version.js';

describe('docs/api', () => {
  it('matches the contract (run `npm run docs:api` after changing a schema)', () => {
    const doc = terminalOpenApi(VERSION_FOR_DOCS);
    expect(JSON.parse(readFileSync(join(ROOT, 'docs/api/terminal.openapi.json'), 'utf8'))).toEqual(doc);
    expect(readFileSync(join(ROOT, 'docs/api/terminal.md'), 'utf8')).toBe(apiMarkdown(doc) + '\n');
  });
});
