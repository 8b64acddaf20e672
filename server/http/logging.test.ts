import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggingApp, queueFixture, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { backends } from '../test-db.js';

// A failed query: PostgreSQL puts the failing row in the error's detail, PGlite adds the query's
// parameters. The log must say that it failed, and not what the visitor typed.

const PHONE = '13912345678';
const ID_NUMBER = '230102199003071234';

describe.each(backends)('the server log of a failed query on $name', (backend) => {
  let f: QueueFixture;
  let logged: FastifyInstance;
  let log: () => string;
  let counter: TestTerminal & { clerkToken: string };

  beforeAll(async () => {
    f = await queueFixture(backend);
    counter = await (await f.terminal('main', ['counter'])).asClerk('wang.fang');
    ({ app: logged, log } = await loggingApp(f));
  });
  afterAll(async () => {
    await logged?.close();
    await f?.close();
  });

  it('names the route and the database’s code, and holds neither the phone nor the ID number', async () => {
    await sql`ALTER TABLE appointments ADD CONSTRAINT refuse_for_test CHECK (false) NOT VALID`.execute(f.db);
    const printed: string[] = [];
    const keep = (chunk: unknown) => void printed.push(String(chunk));
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation((c) => (keep(c), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((c) => (keep(c), true)),
      ...(['log', 'info', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a) => keep(a.join(' ')))),
    ];
    try {
      const body = JSON.stringify({
        enterprise: '黑龙江龙辰国际贸易有限公司',
        contactPhone: PHONE,
        matter: `代办人身份证 ${ID_NUMBER}`,
        procedureCode: null,
        service: 'A',
        date: '2026-03-03',
        from: '09:00',
        to: '09:30',
        createdBy: 'wang.fang',
      });
      const res = await logged.inject({ method: 'POST', url: '/api/appointments', headers: { ...counter.headers('POST', '/api/appointments', body), 'content-type': 'application/json', 'x-clerk-session': counter.clerkToken }, payload: body });
      expect([res.statusCode, res.json().error.code]).toEqual([500, 'INTERNAL']);
    } finally {
      spies.forEach((s) => s.mockRestore());
      await sql`ALTER TABLE appointments DROP CONSTRAINT refuse_for_test`.execute(f.db);
    }
    for (const secret of [PHONE, ID_NUMBER, '龙辰']) {
      expect(log()).not.toContain(secret);
      expect(printed.join('')).not.toContain(secret);
    }
    const fault = log()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; route?: string; error?: { code?: string; constraint?: string } })
      .find((l) => l.level === 50);
    expect(fault).toMatchObject({ route: 'POST /api/appointments', error: { code: '23514', constraint: 'refuse_for_test' } });
  });
});
