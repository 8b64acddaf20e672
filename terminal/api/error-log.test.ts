import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { startTestService, type RunningService } from '../test-service.js';

// A write that fails in the terminal's database is logged as a fault of the service, without what
// the visitor typed.

const PHONE = '13912345678';
const ID_NUMBER = '230102199003071234';
const lines: string[] = [];
let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService({}, { log: (l) => lines.push(l) });
});
afterAll(() => svc?.stop());

describe('the terminal log of a failed write', () => {
  it('names the route and the error, and holds neither the phone nor the ID number', async () => {
    svc.db.exec(`CREATE TRIGGER refuse_for_test BEFORE INSERT ON opinion BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    try {
      const res = await svc.app.inject({
        method: 'POST',
        url: '/api/opinions',
        headers: { host: '127.0.0.1', 'content-type': 'application/json', 'accept-language': 'en' },
        payload: JSON.stringify({ kind: 'complaint', text: `我的身份证号 ${ID_NUMBER}，窗口让我跑了三趟。`, phone: PHONE, prohibition: 4, lang: 'en', print: false }),
      });
      expect([res.statusCode, res.json().error]).toEqual([500, { code: 'INTERNAL', message: ERROR_MESSAGES.en.INTERNAL }]);
    } finally {
      svc.db.exec('DROP TRIGGER refuse_for_test');
    }
    const log = lines.join('\n');
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain(ID_NUMBER);
    expect(lines.filter((l) => l.includes('POST /api/opinions'))).toEqual([expect.stringContaining('refused for the test')]);
  });
});
