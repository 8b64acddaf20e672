import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config.js';
import { apiMarkdown, terminalOpenApi } from './api-docs.js';
import { VERSION_FOR_DOCS } from './docs-version.js';

const doc = terminalOpenApi(VERSION_FOR_DOCS);
mkdirSync(join(ROOT, 'docs/api'), { recursive: true });
writeFileSync(join(ROOT, 'docs/api/terminal.openapi.json'), JSON.stringify(doc, null, 2) + '\n');
writeFileSync(join(ROOT, 'docs/api/terminal.md'), apiMarkdown(doc) + '\n');
console.log('Wrote docs/api/terminal.openapi.json and docs/api/terminal.md');
