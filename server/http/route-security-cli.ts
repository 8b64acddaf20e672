import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_ROOT } from '../config.js';
import { withSecurityTable } from './route-security.js';

// Rewrites the route table of server/README.md's security section from the contract.
const file = join(SERVER_ROOT, 'server/README.md');
writeFileSync(file, withSecurityTable(readFileSync(file, 'utf8')));
console.log('Wrote the route table of server/README.md');
