import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { CERTIFICATE_EVENTS, type CertificateDoc, type HandoverEvent, type RatingPrompt } from '../../core/contract/index.js';
import { CERTIFICATE_APPLY, getCertificate } from '../../core/certificates/store.js';
import { HOLDER_CODE, testCertificate, testKey, writeTestTemplates } from '../../core/certificates/test-certificates.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { QUEUE_APPLY } from '../../core/queue/reference.js';
import { todaysAppointment } from '../test-appointments.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../test-staff.js';

// A counter terminal (counter 6, the pickup line) with the central server unreachable: certificates
// synced down earlier are found, handed over and printed, reprinted and mailed; every refusal changes nothing.

const ID = '230103198001011232'; // a resident ID number with a correct GB 11643 check digit
let clock = Date.parse('2026-12-02T02:05:00Z'); // 10:05 in the hall
const templates = tempDir('hall-cert-tpl-');
const signer = testKey();
let svc: RunningService;
let call: ReturnType<typeof injector>;
let token: string;
let seq = 0;

const sync = (doc: CertificateDoc) => {
  CERTIFICATE_APPLY.certificate!(svc.db, { seq: ++seq, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
  return doc;
};
const count = (table: string) => (svc.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
/** Everything a hand-over writes, to show a refusal wrote none of it. */
const footprint = () => ({ handovers: count('certificate_handover'), reprints: count('certificate_reprint'), mail: count('certificate_mail'), jobs: count('print_job'), events: count('outbox') });
const self = { kind: 'self', name: '张三丰', idType: 'resident', idNumber: ID, letterChecked: false };
const handOver = (id: string, recipient: object = self, extra: object = {}, lang = 'en') => call('POST', `/api/certificates/${id}/handover`, { recipient, lang, ...extra }, token);

beforeAll(async () => {
  svc = await startTestService({ CERTIFICATE_TEMPLATES: writeTestTemplates(templates.file('t')), COUNTER_IDLE_MINUTES: '600' }, { now: () => new Date(clock), startPrinter: false });
  call = injector(svc.app);
  putTestStaff(svc.db, [['zhao.lei', '赵磊', '0601']]);
  CERTIFICATE_APPLY.certificate_key!(svc.db, { seq: ++seq, entity: 'certificate_key', key: signer.key.keyId, op: 'upsert', data: signer.key });
  token = (await call('POST', '/api/counter/login', { login: 'zhao.lei', password: TEST_PASSWORD, counterNo: 6 })).json.token;
});
afterAll(async () => {
  await svc?.stop();
  templates.cleanup();
});
beforeEach(() => {
  clock += 60_000;
});

describe('finding a certificate at the counter', () => {
  it('by pickup code, the SMS QR, credit code, part of the name, the certificate QR and a checked-in ticket', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'HJ4K7M2P' }));
    sync(testCertificate(signer, { pickupCode: 'WX3N5R7T', hall: 'other-hall' }));
    const ids = async (q: string) => ((await call('GET', `/api/certificates?q=${encodeURIComponent(q)}`, undefined, token)).json.certificates as { id: string }[]).map((c) => c.id);
    expect(await ids('hj4k7m2p')).toEqual([doc.id]);
    expect(await ids('HALL-PICKUP:HJ4K7M2P:5678')).toEqual([doc.id]);
    expect(await ids(doc.qr)).toEqual([doc.id]);
    expect(await ids('WX3N5R7T')).toEqual([]); // another hall's
    expect(await ids(HOLDER_CODE)).toContain(doc.id);
    expect(await ids('龙辰国际')).toContain(doc.id);

    const appt = todaysAppointment(svc, { enterprise: doc.holder.name, procedureCode: 'MC-01', service: 'E', code: '731904' });
    QUEUE_APPLY.appointment!(svc.db, { seq: ++seq, entity: 'appointment', key: appt.id, op: 'upsert', data: appt });
    const ticket = (await call('POST', '/api/checkin', { by: 'code', code: '731904', last4: '5678', lang: 'zh-CN', print: false })).json.ticket;
    expect(ticket.number).toMatch(/^T?.*E\d{3}$/);
    expect(await ids(ticket.number)).toContain(doc.id);
  });

  it('a credit code with a wrong check character is refused in the visitor language', async () => {
    const wrong = `${HOLDER_CODE.slice(0, 17)}${HOLDER_CODE[17] === '0' ? '1' : '0'}`;
    for (const [lang, text] of [['en', 'check character'], ['zh-CN', '校验位'], ['ru', '']] as const) {
      const res = await injector(svc.app, lang)('GET', `/api/certificates?q=${wrong}`, undefined, token);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('CREDIT_CODE_INVALID');
      expect(res.json.error.message).toContain(text);
    }
  });

  it('needs a signed-in clerk', async () => {
    expect((await call('GET', '/api/certificates?q=HJ4K7M2P')).status).toBe(401);
  });
});

describe('handing over', () => {
  it('records who collected, prints the slip certificate and the receipt, and offers the rating screen, all at once', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'C3D4E5F6' }));
    const appt = todaysAppointment(svc, { enterprise: doc.holder.name, procedureCode: 'MC-01', service: 'E', code: '552014' });
    QUEUE_APPLY.appointment!(svc.db, { seq: ++seq, entity: 'appointment', key: appt.id, op: 'upsert', data: appt });
    const ticket = (await call('POST', '/api/checkin', { by: 'code', code: '552014', last4: '5678', lang: 'zh-CN', print: false })).json.ticket;
    clock += 7 * 60_000;
    expect((await call('POST', '/api/counter/actions', { action: 'call', number: ticket.number }, token)).status).toBe(200);
    const res = await handOver(doc.id, self, { ticketId: ticket.id });
    expect(res.status).toBe(200);
    expect(res.json.jobs.map((j: { kind: string }) => j.kind)).toEqual(['certificate', 'handover-receipt']);
    expect(res.json.a4Job).toBeNull();
    expect(res.json.view.certificate.state).toBe('handed_over');
    expect(res.json.view.handover).toMatchObject({ channel: 'counter', counter: '6', clerk: '0601', recipientKind: 'self', recipientName: '张*丰', recipientId: '****1232', immediateSeconds: 7 * 60 });
    expect(JSON.stringify(res.json)).not.toContain(ID);

    const [event] = pendingEvents(svc.db).filter((e) => e.type === CERTIFICATE_EVENTS.handedOver).map((e) => e.payload as HandoverEvent);
    expect(event).toMatchObject({ certificateId: doc.id, recipientName: '张三丰', idType: 'resident', idLast4: '1232', counter: '6', clerk: '0601', ticketId: ticket.id, arrivedAt: ticket.issuedAt });
    expect(event!.idHash).toMatch(/^[0-9a-f]{64}$/);

    const slips = svc.db.prepare("SELECT kind, slip FROM print_job WHERE kind IN ('certificate', 'handover-receipt') ORDER BY rowid").all() as { kind: string; slip: string }[];
    const [cert, receipt] = slips.map((s) => JSON.parse(s.slip));
    expect(cert).toMatchObject({ kind: 'certificate', lang: 'en', identifier: doc.identifier, qr: doc.qr, validity: 'From 2026-11-20, no end date', reprint: null });
    expect(cert.fields[0]).toEqual({ label: 'Type of issuer', value: '集团发卡企业' });
    expect(receipt).toMatchObject({ kind: 'handover-receipt', recipientName: '张*丰', recipientId: '****1232', counter: 'counter 6', clerk: '0601' });

    const prompt = (await call('GET', '/api/rating/prompt')).json.prompt as RatingPrompt;
    expect(prompt).toMatchObject({ serviceId: ticket.id, ticketNumber: ticket.number, counterNo: 6, clerkName: '赵磊', service: 'E' });
    expect(prompt.matter['zh-CN']).toContain('预付卡');
    // The clerk then finishes the ticket: the visitor is still asked once, about the certificate's matter.
    expect((await call('POST', '/api/counter/actions', { action: 'finish' }, token)).json.ticket.state).toBe('done');
    expect((await call('GET', '/api/rating/prompt')).json.prompt).toEqual(prompt);
    expect(pendingEvents(svc.db).filter((e) => e.type === 'rating.recorded')).toEqual([]);
    expect((await call('POST', '/api/rating', { serviceId: ticket.id, rating: { level: 5 } })).status).toBe(200);

    // The ID number in clear is nowhere in the terminal's files.
    svc.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(svc.db.name).includes(Buffer.from(ID))).toBe(false);
  });

  it('a second hand-over is refused with the first one’s time in the hall and its counter, and changes nothing', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'M2N3P4R5' }));
    expect((await handOver(doc.id)).status).toBe(200);
    const at = new Date(clock);
    const before = footprint();
    clock += 3_600_000;
    const again = await handOver(doc.id, { ...self, name: '李四' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ALREADY_HANDED_OVER');
    const hall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(at);
    expect(again.json.error.message).toContain(hall);
    expect(again.json.error.message).toContain('counter 6');
    expect(footprint()).toEqual(before);
  });

  it('refuses a revoked or superseded certificate, a bad resident ID and a proxy without the letter, each changing nothing', async () => {
    const revoked = sync(testCertificate(signer, { state: 'revoked', revoked: { on: '2026-11-30', reason: '以欺骗手段取得' } }));
    const superseded = sync(testCertificate(signer, { state: 'superseded', supersededBy: '1.2.156.3005.2.x' }));
    const ready = sync(testCertificate(signer, { pickupCode: 'T7U8V9W2' }));
    const before = footprint();
    const r1 = await handOver(revoked.id);
    expect([r1.status, r1.json.error.code]).toEqual([409, 'CERTIFICATE_REVOKED']);
    expect(r1.json.error.message).toContain('2026-11-30');
    expect(r1.json.error.message).toContain('以欺骗手段取得');
    expect((await handOver(superseded.id)).json.error.code).toBe('CERTIFICATE_SUPERSEDED');
    const badId = await injector(svc.app, 'zh-CN')('POST', `/api/certificates/${ready.id}/handover`, { recipient: { ...self, idNumber: '230103198001011233' } }, token);
    expect([badId.status, badId.json.error.code]).toEqual([400, 'ID_NUMBER_INVALID']);
    expect(badId.json.error.message).toContain('身份证');
    const proxy = await handOver(ready.id, { ...self, kind: 'proxy', name: '王五' });
    expect([proxy.status, proxy.json.error.code]).toEqual([400, 'LETTER_NOT_CHECKED']);
    expect((await call('POST', `/api/certificates/${ulid()}/handover`, { recipient: self }, token)).json.error.code).toBe('CERTIFICATE_NOT_FOUND');
    expect(footprint()).toEqual(before);
    expect(getCertificate(svc.db, ready.id)!.state).toBe('ready');
    // The proxy with the letter checked may collect; a passport is not checked against GB 11643.
    expect((await handOver(ready.id, { kind: 'proxy', name: 'John Smith', idType: 'passport', idNumber: 'E12345678', letterChecked: true })).status).toBe(200);
  });

  it('an A4 certificate with no A4 printer is refused whole: no hand-over, no event, no slip', async () => {
    const doc = sync(testCertificate(signer, { template: 'labour-cooperation', procedureId: 'OI-03', name: '对外劳务合作经营资格证书', fields: { legalRepresentative: '王建国', enterpriseType: '有限责任公司', registeredCapital: '人民币 1000 万元', paidInCapital: '人民币 800 万元', domicile: '哈尔滨市南岗区红军街 15 号', businessScope: '对外劳务合作' } }));
    const before = footprint();
    const res = await handOver(doc.id);
    expect([res.status, res.json.error.code]).toEqual([503, 'NO_A4_PRINTER']);
    expect(footprint()).toEqual(before);
    expect(getCertificate(svc.db, doc.id)!.state).toBe('ready');
    expect(getCertificate(svc.db, doc.id)!.handedOver).toBeNull();
    // A reprint of it is refused the same way: no reprint logged.
    const reprint = await call('POST', `/api/certificates/${doc.id}/reprint`, { reason: '原件污损' }, token);
    expect([reprint.status, reprint.json.error.code]).toEqual([503, 'NO_A4_PRINTER']);
    expect(footprint()).toEqual(before);
  });
});

describe('reprint and mail', () => {
  it('a reprint needs a reason, is logged with it and prints with the reprint mark', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'A2C3D4E5' }));
    await handOver(doc.id);
    const before = footprint();
    const short = await call('POST', `/api/certificates/${doc.id}/reprint`, { reason: ' ' }, token);
    expect([short.status, short.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(footprint()).toEqual(before);
    const res = await call('POST', `/api/certificates/${doc.id}/reprint`, { reason: '原件污损', lang: 'zh-CN' }, token);
    expect(res.status).toBe(200);
    expect(res.json.view.reprints).toMatchObject([{ reason: '原件污损', counter: '6', clerk: '0601' }]);
    const slip = JSON.parse((svc.db.prepare("SELECT slip FROM print_job WHERE kind = 'certificate' ORDER BY rowid DESC LIMIT 1").get() as { slip: string }).slip);
    expect(slip.reprint).toEqual({ reason: '原件污损', at: new Date(clock).toISOString() });
    expect(pendingEvents(svc.db).filter((e) => e.type === CERTIFICATE_EVENTS.reprinted).map((e) => e.payload)).toContainEqual(expect.objectContaining({ certificateId: doc.id, reason: '原件污损' }));
  });

  it('records the waybill (masked on screen), then posted and delivered; bad addresses change nothing', async () => {
    const doc = sync(testCertificate(signer, { delivery: 'mail', pickupCode: 'F5H6J7K8' }));
    const address = { recipient: '欧阳娜娜', phone: '13912345678', province: '黑龙江省', city: '哈尔滨市', county: '南岗区', street: '红军街15号', postcode: '150001', waybill: '1234567890123' };
    const before = footprint();
    const early = await call('POST', `/api/certificates/${doc.id}/mail-state`, { state: 'posted', at: new Date(clock).toISOString() }, token);
    expect([early.status, early.json.error.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    const bad = await call('POST', `/api/certificates/${doc.id}/mail`, { ...address, postcode: '1500' }, token);
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(footprint()).toEqual(before);
    const res = await call('POST', `/api/certificates/${doc.id}/mail`, address, token);
    expect(res.status).toBe(200);
    expect(res.json.certificate.state).toBe('mailed');
    expect(res.json.mail).toMatchObject({ waybill: '1234567890123', recipient: '欧**娜', phone: '139****5678', place: '黑龙江省 哈尔滨市 南岗区', state: 'recorded' });
    expect(JSON.stringify(res.json)).not.toContain('红军街');
    const posted = await call('POST', `/api/certificates/${doc.id}/mail-state`, { state: 'posted', at: new Date(clock).toISOString() }, token);
    expect(posted.json.mail.state).toBe('posted');
    const delivered = await call('POST', `/api/certificates/${doc.id}/mail-state`, { state: 'delivered', at: new Date(clock + 86_400_000).toISOString(), signer: '欧阳娜娜' }, token);
    expect(delivered.json.mail).toMatchObject({ state: 'delivered', signer: '欧**娜' });
    const types = pendingEvents(svc.db).filter((e) => (e.payload as { certificateId?: string }).certificateId === doc.id).map((e) => e.type);
    expect(types).toEqual([CERTIFICATE_EVENTS.mailed, CERTIFICATE_EVENTS.mailState, CERTIFICATE_EVENTS.mailState]);
    // A mailed certificate cannot also be handed over at the counter.
    expect((await handOver(doc.id)).json.error.code).toBe('ALREADY_HANDED_OVER');
  });
});

describe('electronic link', () => {
  it('needs the central server: unreachable says so', async () => {
    const doc = sync(testCertificate(signer, { delivery: 'electronic' }));
    const res = await call('POST', `/api/certificates/${doc.id}/electronic-link`, {}, token);
    expect([res.status, res.json.error.code]).toEqual([503, 'SERVER_UNREACHABLE']);
  });
});
