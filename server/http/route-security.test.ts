import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ROOT } from '../config.js';
import { routeSecurityMarkdown, withSecurityTable } from './route-security.js';

describe("server/README.md's route table", () => {
  const readme = readFileSync(join(SERVER_ROOT, 'server/README.md'), 'utf8');

  it('matches the contract (run `npm run docs:api` after changing a route or its roles)', () => {
    expect(readme).toBe(withSecurityTable(readme));
  });

  it('names the roles the server checks: a hall TV may not list appointments, only a clerk calls', () => {
    const table = routeSecurityMarkdown();
    expect(table).toContain("| GET | `/api/appointments` | `counter` | — |");
    expect(table).toContain("| POST | `/api/queue/actions` | `counter` | — |");
    expect(table).toContain("| POST | `/api/sync/events` | every role | — |");
    expect(table).toContain("| GET | `/api/supervision/cases` | — | `supervisor`, `office`, `inspector` |");
    expect(table).toContain("| POST | `/api/counter/actions` | yes |");
  });
});
