import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type OpinionProgress } from '../../core/contract/index.js';
import { ServerLink, type ServerAnswer } from '../queue/server-link.js';
import { startTestService, type RunningService } from '../test-service.js';
import { OpinionBox, type TrackSteps } from './opinion-box.js';

/** Issue 11 §3: a kiosk visitor guesses tracking codes and the phone digits of a known one. */
let svc: RunningService;
let clock = Date.parse('2026-11-26T02:00:00Z');
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.stop());

/** A central server that knows one complaint, with its digits, and refuses everything else with NOT_FOUND. */
class OneComplaintServer extends ServerLink {
  constructor(private readonly known: () => { code: string; last4: string } | null) {
    super(null);
  }
  override async call<T>(_m: 'GET' | 'POST', path: string, _p: unknown, parse: (json: unknown) => T): Promise<ServerAnswer<T>> {
    const q = new URL(path, 'http://x').searchParams;
    const k = this.known();
    if (!k || q.get('code') !== k.code || q.get('last4') !== k.last4) throw new AppError('NOT_FOUND');
    const progress: OpinionProgress = { trackingCode: k.code, kind: 'complaint', state: 'assigned', filedAt: '2026-11-20T02:00:00.000Z', deadline: '2026-12-11', feedback: null, received: true };
    return { ok: true, value: parse(progress) };
  }
}

let filed: { code: string; last4: string } | null = null;
/** A box on the kiosk's database and clock whose steps are recorded. */
function box(log: string[] = []) {
  const record = (steps: TrackSteps): TrackSteps => ({
    findLocal: (db, code) => {
      log.push(`findLocal ${code === filed?.code ? 'CODE' : 'OTHER'}`);
      return steps.findLocal(db, code);
    },
    askServer: (code, last4) => {
      log.push(`askServer ${code === filed?.code ? 'CODE' : 'OTHER'} ${last4}`);
      return steps.askServer(code, last4);
    },
  });
  return new OpinionBox(svc.db, new OneComplaintServer(() => filed), svc.runtime.printer, () => new Date(clock), record);
}
const outcome = (p: Promise<unknown>) => p.then((v) => v, (e: unknown) => e);
const file = () => {
  const f = box().file({ kind: 'complaint', text: '窗口工作人员让我来回跑了三趟。', prohibition: null, phone: '13812345678', lang: 'zh-CN', print: false });
  return (filed = { code: f.trackingCode, last4: '5678' });
};

describe('guessing tracking codes at the kiosk', () => {
  it('takes one path for every refusal: a known code with wrong digits and an unknown code run the same steps and answer alike', async () => {
    const { code } = file();
    const known: string[] = [];
    const unknown: string[] = [];
    const wrongDigits = await outcome(box(known).track({ code, last4: '1111' }));
    const unknownCode = await outcome(box(unknown).track({ code: 'ABCDE-FGHJK-MNPQR', last4: '1111' }));
    expect(known).toEqual(['findLocal CODE', 'askServer CODE 1111']);
    expect(unknown).toEqual(['findLocal OTHER', 'askServer OTHER 1111']);
    for (const err of [wrongDigits, unknownCode]) {
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'NOT_FOUND', params: {} });
    }
  });

  it('locks a code after repeated wrong digits, even for the right ones, while other codes still answer', async () => {
    clock += 2 * 3_600_000;
    const { code, last4 } = file();
    for (let i = 0; i < 4; i++) expect(await outcome(box().track({ code, last4: `000${i}` }))).toMatchObject({ code: 'NOT_FOUND' });
    // One more from a fresh box (as after a restart): the count is in the database, not in the box.
    expect(await outcome(box().track({ code, last4: '0009' }))).toMatchObject({ code: 'NOT_FOUND' });
    clock += 60_000; // past this kiosk's short wait
    const locked = await outcome(box().track({ code, last4 }));
    expect(locked).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect((locked as AppError).params.minutes).toBeGreaterThan(23 * 60);

    const other = file();
    expect(await box().track(other)).toMatchObject({ trackingCode: other.code, state: 'assigned' });
    clock += 24 * 3_600_000;
    filed = { code, last4 };
    expect(await box().track({ code, last4 })).toMatchObject({ trackingCode: code });
  });

  it('makes the terminal wait after a run of unknown codes, whatever code comes next', async () => {
    clock += 2 * 3_600_000;
    const { code, last4 } = file();
    for (let i = 0; i < 5; i++) expect(await outcome(box().track({ code: `ABCDE-FGHJK-MNPQ${'RSTUV'[i]}` }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await outcome(box().track({ code, last4 }))).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', params: { seconds: 30 } });
    clock += 30_000;
    expect(await box().track({ code, last4 })).toMatchObject({ trackingCode: code });
  });

  it("a certificate's pickup code proved with its digits is neither asked of the server nor counted; unproved, it is a guess like any", async () => {
    clock += 2 * 3_600_000;
    const proves = (code: string, last4: string) => code === 'C3D4E5F6' && last4 === '2468';
    const log: string[] = [];
    const steps = (s: TrackSteps): TrackSteps => ({ findLocal: s.findLocal, askServer: (code, last4) => (log.push(`askServer ${code} ${last4}`), s.askServer(code, last4)) });
    const certBox = () => new OpinionBox(svc.db, new OneComplaintServer(() => filed), svc.runtime.printer, () => new Date(clock), steps, proves);
    const misses = () => (svc.db.prepare("SELECT count(*) AS n FROM attempt_failures WHERE kind = 'track'").get() as { n: number }).n;
    svc.db.prepare('DELETE FROM attempt_failures').run();
    const before = misses();
    for (let i = 0; i < 6; i++) expect(await outcome(certBox().track({ code: 'c3d4e5f6', last4: '2468' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect([log, misses()]).toEqual([[], before]);
    expect(await outcome(certBox().track({ code: 'C3D4E5F6', last4: '2469' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect([log, misses()]).toEqual([['askServer C3D4-E5F6 2469'], before + 1]);
  });
});
