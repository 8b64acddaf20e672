import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CertificateDoc } from '../../core/contract/index.js';
import { CERTIFICATE_APPLY, getCertificate } from '../../core/certificates/store.js';
import { testCertificate, testKey, writeTestTemplates } from '../../core/certificates/test-certificates.js';
import { tempDir } from '../../core/db/test-db.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../test-staff.js';

// The kiosk's progress lookup for a certificate: the pickup code and the phone's last four show where
// it is (ready at counter 6, handed over, mailed and delivered), in the hall's time; wrong proofs are
// counted as at the kiosk's self-print and change nothing. The clerk records the mail at counter 6.

const HALL_2359 = Date.parse('2026-12-02T15:59:00Z'); // 23:59 on 2 December in the hall (07:59 in Los Angeles)
let clock = Date.parse('2026-12-02T02:00:00Z');
const templates = tempDir('hall-track-tpl-');
const signer = testKey();
let svc: RunningService;
let call: ReturnType<typeof injector>;
let token: string;
let seq = 0;

const sync = (doc: CertificateDoc) => {
  CERTIFICATE_APPLY.certificate!(svc.db, { seq: ++seq, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
  return doc;
};
const track = (code: string, last4: string, lang = 'en') => injector(svc.app, lang)('GET', `/api/certificates/track?code=${encodeURIComponent(code)}&last4=${last4}`);
const count = (sql: string) => (svc.db.prepare(sql).get() as { n: number }).n;
const footprint = () => ({
  handovers: count('SELECT count(*) AS n FROM certificate_handover'),
  mail: count('SELECT count(*) AS n FROM certificate_mail'),
  outbox: count('SELECT count(*) AS n FROM outbox'),
  jobs: count('SELECT count(*) AS n FROM print_job'),
});
const misses = (kind: string) => count(`SELECT count(*) AS n FROM attempt_failures WHERE kind = '${kind}'`);
const address = { recipient: '欧阳娜娜', phone: '13912345678', province: '黑龙江省', city: '哈尔滨市', county: '南岗区', street: '红军街15号', postcode: '150001', waybill: '1187654321098' };

beforeAll(async () => {
  svc = await startTestService({ CERTIFICATE_TEMPLATES: writeTestTemplates(templates.file('t')), COUNTER_IDLE_MINUTES: '6000' }, { now: () => new Date(clock), startPrinter: false });
  call = injector(svc.app);
  putTestStaff(svc.db, [['zhao.lei', '赵磊', '0601']]);
});
/** The clerk at counter 6 signs in (again after the test moved the clock by days). */
const signIn = async () => {
  token = (await call('POST', '/api/counter/login', { login: 'zhao.lei', password: TEST_PASSWORD, counterNo: 6 })).json.token;
};
afterAll(async () => {
  await svc?.stop();
  templates.cleanup();
});
beforeEach(() => {
  clock += 60_000;
  svc.db.prepare('DELETE FROM attempt_failures').run();
});

describe('following a certificate at the kiosk', () => {
  it('a ready one says where to collect it: the pickup line, counter 6', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'C3D4E5F6', phoneLast4: '2468', template: 'labour-cooperation', name: '对外劳务合作经营资格证书' }));
    const res = await track('c3d4e5f6', '2468');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: '对外劳务合作经营资格证书', number: doc.number, state: 'ready', delivery: 'on_spot', handover: null, mail: null });
    expect(res.json.pickup).toMatchObject({ line: 'E', counters: [6], lineName: { 'zh-CN': '证照领取与综合咨询' } });
    // What a visitor sees carries no QR, no identifier, no holder code and no phone digits.
    const text = JSON.stringify(res.json);
    for (const secret of [doc.qr, doc.identifier, doc.holder.code, '2468']) expect(text).not.toContain(secret);
  });

  it('the SMS QR works as the code; a handed-over one says when and at which counter, in the hall time', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'H2J3K4M5', phoneLast4: '1357' }));
    clock = HALL_2359;
    const printed = await injector(svc.app)('POST', '/api/kiosk/certificates/print', { pickupCode: 'H2J3K4M5', phoneLast4: '1357', lang: 'zh-CN' });
    expect(printed.status).toBe(200);
    clock += 2 * 60_000; // 00:01 on 3 December in the hall
    const res = await track('HALL-PICKUP:H2J3K4M5:1357', '1357');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ state: 'handed_over', pickup: null, mail: null });
    expect(res.json.handover).toEqual({ channel: 'kiosk', counter: 'kiosk', at: { at: '2026-12-02T15:59:00.000Z', day: '2026-12-02', time: '23:59' } });
    expect(getCertificate(svc.db, doc.id)!.state).toBe('handed_over');
  });

  it('a mailed one shows the waybill, posted and delivered with the hall times, and the signer masked', async () => {
    const doc = sync(testCertificate(signer, { delivery: 'mail', pickupCode: 'N6P7R8T9', phoneLast4: '8642' }));
    const waiting = await track('N6P7R8T9', '8642');
    expect(waiting.json).toMatchObject({ state: 'ready', delivery: 'mail', pickup: null, mail: null });

    clock = HALL_2359 + 86_400_000; // 23:59 on 3 December
    await signIn();
    expect((await call('POST', `/api/certificates/${doc.id}/mail`, address, token)).status).toBe(200);
    const recorded = await track('N6P7R8T9', '8642');
    expect(recorded.json).toMatchObject({ state: 'mailed', mail: { waybill: '1187654321098', state: 'recorded', recordedAt: { day: '2026-12-03', time: '23:59' }, postedAt: null } });

    const postedAt = new Date(clock + 2 * 60_000).toISOString(); // 00:01 on 4 December in the hall
    expect((await call('POST', `/api/certificates/${doc.id}/mail-state`, { state: 'posted', at: postedAt }, token)).status).toBe(200);
    const deliveredAt = '2026-12-05T10:30:00+08:00';
    expect((await call('POST', `/api/certificates/${doc.id}/mail-state`, { state: 'delivered', at: deliveredAt, signer: '张三' }, token)).status).toBe(200);

    clock += 3 * 86_400_000;
    const res = await track('N6P7R8T9', '8642', 'ru');
    expect(res.status).toBe(200);
    expect(res.json.mail).toEqual({
      waybill: '1187654321098',
      state: 'delivered',
      recordedAt: { at: new Date(HALL_2359 + 86_400_000).toISOString(), day: '2026-12-03', time: '23:59' },
      postedAt: { at: postedAt, day: '2026-12-04', time: '00:01' },
      deliveredAt: { at: deliveredAt, day: '2026-12-05', time: '10:30' },
      signer: '张*',
    });
    // The address, the recipient's name and phone stay with the clerk.
    for (const secret of ['红军街', '欧阳', '13912345678', '5678']) expect(JSON.stringify(res.json)).not.toContain(secret);
  });

  it('a mail recorded on another PC of the hall shows as mailed, from the server document, without a waybill', async () => {
    const at = '2026-12-02T16:01:00.000Z'; // 00:01 on 3 December in the hall
    sync(testCertificate(signer, { delivery: 'mail', pickupCode: 'W2X3Y4A5', phoneLast4: '9753', state: 'mailed', handedOver: { at, counter: '6', channel: 'mail' } }));
    const res = await track('W2X3Y4A5', '9753');
    expect(res.json).toMatchObject({ state: 'mailed', handover: null, mail: { waybill: null, state: 'recorded', recordedAt: { day: '2026-12-03', time: '00:01' } } });
    // The server marks a mailed certificate 'mailed' without a hand-over mark: still mailed, without when.
    sync(testCertificate(signer, { delivery: 'mail', pickupCode: 'W3X4Y5A6', phoneLast4: '9753', state: 'mailed' }));
    const bare = await track('W3X4Y5A6', '9753');
    expect(bare.json).toMatchObject({ state: 'mailed', pickup: null, mail: { waybill: null, state: 'recorded', recordedAt: null } });
  });

  it('a mail recorded and delivered on another PC shows the waybill and the delivery, from the server document', async () => {
    const mail = { waybill: '1187654321099', state: 'delivered' as const, recordedAt: '2026-12-02T16:01:00.000Z', postedAt: '2026-12-03T01:00:00.000Z', deliveredAt: '2026-12-04T02:30:00.000Z', signer: '李*' };
    sync(testCertificate(signer, { delivery: 'mail', pickupCode: 'W4X5Y6A7', phoneLast4: '9753', state: 'mailed', mail }));
    const res = await track('W4X5Y6A7', '9753');
    expect(res.json.mail).toEqual({
      waybill: '1187654321099',
      state: 'delivered',
      recordedAt: { at: mail.recordedAt, day: '2026-12-03', time: '00:01' },
      postedAt: { at: mail.postedAt, day: '2026-12-03', time: '09:00' },
      deliveredAt: { at: mail.deliveredAt, day: '2026-12-04', time: '10:30' },
      signer: '李*',
    });
  });

  it('a revoked one says so, with its date and reason', async () => {
    sync(testCertificate(signer, { pickupCode: 'E7F8H9J2', phoneLast4: '1122', state: 'revoked', revoked: { on: '2026-11-30', reason: '企业注销' } }));
    const res = await track('E7F8H9J2', '1122');
    expect(res.json).toMatchObject({ state: 'revoked', pickup: null, revoked: { on: '2026-11-30', reason: '企业注销' } });
  });
});

describe('wrong proofs', () => {
  it('unknown codes, wrong digits and another hall are one refusal in the visitor language, counted with the self-print; then the kiosk makes the visitor wait', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'K2M3N4P5', phoneLast4: '3344' }));
    sync(testCertificate(signer, { pickupCode: 'R5T6U7V8', phoneLast4: '3344', hall: 'other-hall' }));
    const before = footprint();
    const words = { 'zh-CN': '取证码', en: 'pickup code', ru: 'код' };
    const tries: [string, string, keyof typeof words][] = [
      ['K2M3N4P5', '0000', 'zh-CN'],
      ['ZZZZZZZZ', '3344', 'en'],
      ['R5T6U7V8', '3344', 'ru'],
      ['HALL-PICKUP:K2M3N4P5:9999', '9999', 'en'],
    ];
    for (const [code, last4, lang] of tries) {
      const res = await track(code, last4, lang);
      expect([res.status, res.json.error.code]).toEqual([403, 'PICKUP_PROOF_FAILED']);
      expect(res.json.error.message.toLowerCase()).toContain(words[lang]);
    }
    // The self-print counts on the same tally: the fifth refusal is there.
    const print = await injector(svc.app)('POST', '/api/kiosk/certificates/print', { pickupCode: 'K2M3N4P5', phoneLast4: '1111', lang: 'en' });
    expect(print.json.error.code).toBe('PICKUP_PROOF_FAILED');
    expect(misses('certificate-pickup')).toBe(5);
    const locked = await track('K2M3N4P5', '3344');
    expect([locked.status, locked.json.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(footprint()).toEqual(before);
    expect(getCertificate(svc.db, doc.id)!.state).toBe('ready');
  });

  it('a malformed query is refused and counts nothing', async () => {
    const res = await injector(svc.app)('GET', '/api/certificates/track?code=K2M3N4P5&last4=12');
    expect([res.status, res.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(misses('certificate-pickup')).toBe(0);
  });
});

describe('the opinion lookup first, as the kiosk asks', () => {
  it('a proved pickup code is no opinion and no guess there; an unknown code is counted by both lookups', async () => {
    sync(testCertificate(signer, { pickupCode: 'T3U4V5W6', phoneLast4: '5566' }));
    const opinion = await call('GET', '/api/opinions/track?code=T3U4V5W6&last4=5566');
    expect([opinion.status, opinion.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(misses('track')).toBe(0);
    expect((await track('T3U4V5W6', '5566')).status).toBe(200);

    const wrong = await call('GET', '/api/opinions/track?code=T3U4V5W6&last4=0000');
    expect(wrong.json.error.code).toBe('NOT_FOUND');
    expect((await track('T3U4V5W6', '0000')).json.error.code).toBe('PICKUP_PROOF_FAILED');
    expect([misses('track'), misses('certificate-pickup')]).toEqual([1, 1]);
  });
});
