import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_MESSAGES, OPINION_EVENT, type OpinionProgress } from '../../core/contract/index.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { decodeEscPos } from '../../native/printer/decode.js';
import { ServerLink, type ServerAnswer } from '../queue/server-link.js';
import { startTestService, type RunningService } from '../test-service.js';
import { OpinionBox } from './opinion-box.js';

// A kiosk that has never reached a central server, printing to preview files: filing works
// offline, the slip carries the code, and a lookup answers from this terminal.

let svc: RunningService;
let bare: RunningService;
const slips = tempDir('hall-opinion-slips-');
beforeAll(async () => {
  [svc, bare] = await Promise.all([startTestService({ PRINTER: `preview:${slips.dir}` }), startTestService()]);
});
afterAll(async () => {
  await svc?.stop();
  await bare?.stop();
  slips.cleanup();
});

const call = async (s: RunningService, method: 'GET' | 'POST', url: string, body?: unknown, lang = 'zh-CN') => {
  const res = await s.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', 'accept-language': lang, ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, json: res.json() };
};
const complaint = { kind: 'complaint', text: '窗口工作人员让我来回跑了三趟。', prohibition: 4, phone: '13812345678', lang: 'zh-CN' };
const printedSlips = () => readdirSync(slips.dir).filter((f) => f.endsWith('.bin')).map((f) => decodeEscPos(readFileSync(join(slips.dir, f))));

describe('filing at the kiosk with no central server', () => {
  it('answers a tracking code, records the event and prints the slip with the code as QR', async () => {
    const res = await call(svc, 'POST', '/api/opinions', complaint);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ print: 'queued', printer: { configured: true } });
    const code = res.json.trackingCode as string;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const event = pendingEvents(svc.db).find((e) => e.type === OPINION_EVENT && (e.payload as { trackingCode: string }).trackingCode === code);
    expect(event?.payload).toMatchObject({ kind: 'complaint', text: complaint.text, prohibition: 4, phone: '13812345678' });

    await svc.runtime.printer.idle();
    await expect.poll(() => printedSlips().find((s) => s.qr.includes(`HALL-OPINION:${code}`)), { timeout: 10_000 }).toBeTruthy();
    const slip = printedSlips().find((s) => s.qr.includes(`HALL-OPINION:${code}`))!;
    const text = slip.text.join('\n');
    expect(text).toContain(code);
    expect(text).toContain('投诉：十一不准第4条');
    expect(text).toContain('凭查询码（及手机号后四位）查询进度');
    expect(text).not.toContain('13812345678');
  });

  it('refuses a too-short text or a bad phone in the visitor’s language and writes nothing', async () => {
    const before = pendingEvents(svc.db).length;
    const short = await call(svc, 'POST', '/api/opinions', { ...complaint, text: '差' }, 'en');
    expect(short.status).toBe(400);
    expect(short.json.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request is not valid. Please check it and try again.' });
    const phone = await call(svc, 'POST', '/api/opinions', { ...complaint, phone: '12345' });
    expect(phone.json.error.code).toBe('VALIDATION_FAILED');
    expect(phone.json.error.details.map((d: { path: string }) => d.path)).toContain('phone');
    expect(pendingEvents(svc.db).length).toBe(before);
    expect(svc.db.prepare('SELECT count(*) AS n FROM opinion').get()).toEqual({ n: 1 });
  });

  it('refuses text the central server could not store (a NUL, a lone surrogate) in the visitor’s language and writes nothing', async () => {
    const before = pendingEvents(svc.db).length;
    const rows = svc.db.prepare('SELECT count(*) AS n FROM opinion').get();
    for (const [text, lang] of [['abc\u0000defgh', 'en'], ['窗口工作人员\uD800让我跑了三趟', 'ru'], ['窗口工作人员\uDC00让我跑了三趟', 'zh-CN']] as const) {
      const res = await call(svc, 'POST', '/api/opinions', { ...complaint, text }, lang);
      expect([res.status, res.json.error.code, res.json.error.message]).toEqual([400, 'VALIDATION_FAILED', ERROR_MESSAGES[lang].VALIDATION_FAILED]);
      expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(['text']);
    }
    expect(pendingEvents(svc.db).length).toBe(before);
    expect(svc.db.prepare('SELECT count(*) AS n FROM opinion').get()).toEqual(rows);
  });

  it('without a printer still files and says the slip was not printed', async () => {
    const res = await call(bare, 'POST', '/api/opinions', { kind: 'suggestion', text: '希望大厅多放几把椅子。', lang: 'ru' });
    expect(res.json).toMatchObject({ print: 'no-printer', jobId: null, printer: { configured: false } });
  });
});

describe('looking up progress with no central server', () => {
  it('shows an opinion filed here as received and not yet at the server', async () => {
    const { trackingCode } = (await call(svc, 'POST', '/api/opinions', complaint)).json;
    const res = await call(svc, 'GET', `/api/opinions/track?code=${trackingCode.toLowerCase().replaceAll('-', '')}&last4=5678`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ trackingCode, kind: 'complaint', state: 'received', deadline: null, feedback: null, received: false });
  });

  it('answers wrong digits, missing digits and an unknown code with the same NOT_FOUND', async () => {
    const { trackingCode } = (await call(bare, 'POST', '/api/opinions', complaint)).json;
    const wrong = await call(bare, 'GET', `/api/opinions/track?code=${trackingCode}&last4=1234`);
    const missing = await call(bare, 'GET', `/api/opinions/track?code=${trackingCode}`);
    const unknown = await call(bare, 'GET', `/api/opinions/track?code=ABCDE-FGHJK-MNPQR&last4=5678`);
    const garbage = await call(bare, 'GET', `/api/opinions/track?code=hello&last4=5678`);
    for (const r of [wrong, missing, unknown, garbage]) {
      expect(r.status).toBe(404);
      expect(r.json.error).toEqual({ code: 'NOT_FOUND', message: ERROR_MESSAGES['zh-CN'].NOT_FOUND });
    }
  });

  it('needs no digits for an opinion filed without a phone', async () => {
    const { trackingCode } = (await call(svc, 'POST', '/api/opinions', { kind: 'leadership-letter', text: '建议延长周六的办公时间。' })).json;
    expect((await call(svc, 'GET', `/api/opinions/track?code=${trackingCode}`)).json.kind).toBe('leadership-letter');
  });

  it('still takes a code handed out before (4 + 4)', async () => {
    svc.db.prepare("UPDATE opinion SET tracking_code = 'K7PM-3XQ9' WHERE id = (SELECT id FROM opinion ORDER BY filed_at DESC LIMIT 1)").run();
    expect((await call(svc, 'GET', '/api/opinions/track?code=k7pm3xq9')).json).toMatchObject({ trackingCode: 'K7PM-3XQ9', kind: 'leadership-letter' });
  });

  it('says NOT_FOUND for a code this kiosk does not know, as for wrong digits: "unreachable" would tell which codes it holds', async () => {
    const res = await call(svc, 'GET', '/api/opinions/track?code=ABCDE-FGHJK-MNPQS&last4=1234');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NOT_FOUND');
  });
});

/** A link whose central server answers as scripted; what it was asked is recorded. */
class ScriptedLink extends ServerLink {
  asked: string[] = [];
  constructor(private readonly answer: (path: string) => unknown) {
    super(null);
  }
  override async call<T>(_m: 'GET' | 'POST', path: string, _p: unknown, parse: (json: unknown) => T): Promise<ServerAnswer<T>> {
    this.asked.push(path);
    const a = this.answer(path);
    if (a instanceof AppError) throw a;
    return a === undefined ? { ok: false } : { ok: true, value: parse(a) };
  }
}

describe('looking up progress through the central server', () => {
  const fromServer: OpinionProgress = {
    trackingCode: 'WXYZ-2345',
    kind: 'complaint',
    state: 'assigned',
    filedAt: '2026-11-20T02:00:00.000Z',
    deadline: '2026-12-11',
    feedback: null,
    received: true,
  };

  it('shows the server’s state, deadline and feedback, sending the digits along', async () => {
    const link = new ScriptedLink(() => fromServer);
    const box = new OpinionBox(svc.db, link, svc.runtime.printer);
    expect(await box.track({ code: 'wxyz2345', last4: '9999' })).toEqual(fromServer);
    expect(link.asked).toEqual(['/api/opinions/track?code=WXYZ-2345&last4=9999']);
  });

  it('passes on the server’s NOT_FOUND for a code filed elsewhere', async () => {
    const box = new OpinionBox(svc.db, new ScriptedLink(() => new AppError('NOT_FOUND')), svc.runtime.printer);
    await expect(box.track({ code: 'WXYZ-2345', last4: '1111' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers from this kiosk while the server has not received the opinion yet', async () => {
    const { trackingCode } = (await call(svc, 'POST', '/api/opinions', complaint)).json;
    const box = new OpinionBox(svc.db, new ScriptedLink(() => new AppError('NOT_FOUND')), svc.runtime.printer);
    expect(await box.track({ code: trackingCode, last4: '5678' })).toMatchObject({ trackingCode, state: 'received', received: false });
  });

  it('refuses wrong digits for an opinion filed here even if the server were to answer', async () => {
    const { trackingCode } = (await call(svc, 'POST', '/api/opinions', complaint)).json;
    const link = new ScriptedLink(() => ({ ...fromServer, trackingCode }));
    await expect(new OpinionBox(svc.db, link, svc.runtime.printer).track({ code: trackingCode, last4: '0000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
