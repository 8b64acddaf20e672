import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCertificateId } from '../../core/common/certificate-id.js';
import { holderHash, signPayload } from '../../core/common/certificate-payload.js';
import { CERTIFICATE_EVENTS, type CertificateDoc, type HandoverEvent } from '../../core/contract/index.js';
import { CERTIFICATE_APPLY, getCertificate } from '../../core/certificates/store.js';
import { HOLDER_CODE, ISSUER_CODE, TYPE_CODE, testCertificate, testKey, writeTestTemplates } from '../../core/certificates/test-certificates.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector } from '../test-staff.js';

// The kiosk: a visitor prints a self-service certificate with the pickup code and the phone's last
// four digits (or the SMS QR), guesses are limited, and anyone verifies a certificate's QR offline.

let clock = Date.parse('2026-12-02T01:00:00Z');
const templates = tempDir('hall-kiosk-tpl-');
const signer = testKey('k2026');
const stranger = testKey('k-unknown');
let svc: RunningService;
let call: ReturnType<typeof injector>;
let seq = 0;

const sync = (doc: CertificateDoc) => {
  CERTIFICATE_APPLY.certificate!(svc.db, { seq: ++seq, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
  return doc;
};
const print = (body: object, lang = 'en') => injector(svc.app, lang)('POST', '/api/kiosk/certificates/print', { lang, ...body });
const verify = async (payload: string) => (await call('POST', '/api/certificates/verify', { payload })).json;
const forgetAttempts = () => svc.db.prepare('DELETE FROM attempt_failures').run();
const handovers = () => (svc.db.prepare('SELECT count(*) AS n FROM certificate_handover').get() as { n: number }).n;

beforeAll(async () => {
  svc = await startTestService({ ROLE: 'kiosk', CERTIFICATE_TEMPLATES: writeTestTemplates(templates.file('t')) }, { now: () => new Date(clock), startPrinter: false });
  call = injector(svc.app);
  CERTIFICATE_APPLY.certificate_key!(svc.db, { seq: ++seq, entity: 'certificate_key', key: signer.key.keyId, op: 'upsert', data: signer.key });
});
afterAll(async () => {
  await svc?.stop();
  templates.cleanup();
});
beforeEach(() => {
  clock += 3_600_000;
  forgetAttempts();
});

describe('printing a certificate at the kiosk', () => {
  it('prints with the code and the digits, logs a kiosk hand-over without any ID number, and only once', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'P2R3T4U5', phoneLast4: '4321' }));
    const res = await print({ pickupCode: 'p2r3t4u5', phoneLast4: '4321' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: doc.name, number: doc.number });
    expect(res.json.jobs.map((j: { kind: string }) => j.kind)).toEqual(['certificate']);
    expect(getCertificate(svc.db, doc.id)!.handedOver).toMatchObject({ channel: 'kiosk', counter: 'kiosk' });
    const event = pendingEvents(svc.db).find((e) => e.type === CERTIFICATE_EVENTS.handedOver)!.payload as HandoverEvent;
    expect(event).toMatchObject({ channel: 'kiosk', recipientKind: 'self', recipientName: doc.holder.name, idType: 'other', idLast4: '4321', clerk: null });

    const again = await print({ pickupCode: 'P2R3T4U5', phoneLast4: '4321' });
    expect([again.status, again.json.error.code]).toEqual([409, 'ALREADY_HANDED_OVER']);
    expect(again.json.error.message).toContain('self-service kiosk');
  });

  it('takes the SMS QR carrying code and digits; the code alone proves nothing', async () => {
    sync(testCertificate(signer, { pickupCode: 'V6W7X8Y9', phoneLast4: '1111' }));
    const bare = await print({ qr: 'HALL-PICKUP:V6W7X8Y9' });
    expect([bare.status, bare.json.error.code]).toEqual([403, 'PICKUP_PROOF_FAILED']);
    expect((await print({ qr: 'HALL-PICKUP:V6W7X8Y9:1111' })).status).toBe(200);
  });

  it('refuses an A4 type (not self-service), whatever the proof, and records nothing', async () => {
    sync(testCertificate(signer, { template: 'labour-cooperation', pickupCode: 'A3C4D5E6', phoneLast4: '2222' }));
    const before = handovers();
    const res = await print({ pickupCode: 'A3C4D5E6', phoneLast4: '2222' }, 'ru');
    expect([res.status, res.json.error.code]).toEqual([409, 'NOT_SELF_SERVICE']);
    expect(handovers()).toBe(before);
  });

  it('wrong digits and unknown codes are one refusal, counted; after five the kiosk makes the visitor wait', async () => {
    const doc = sync(testCertificate(signer, { pickupCode: 'H7J8K9M2', phoneLast4: '3333' }));
    const before = handovers();
    for (const proof of [
      { pickupCode: 'H7J8K9M2', phoneLast4: '0000' },
      { pickupCode: 'ZZZZZZZZ', phoneLast4: '3333' },
      { pickupCode: 'H7J8K9M2', phoneLast4: '3334' },
      { qr: 'HALL-PICKUP:H7J8K9M2:9999' },
      { pickupCode: 'H7J8K9M2', phoneLast4: '1234' },
    ]) {
      const res = await print(proof, 'zh-CN');
      expect([res.status, res.json.error.code]).toEqual([403, 'PICKUP_PROOF_FAILED']);
      expect(res.json.error.message).toContain('取证码');
    }
    const locked = await print({ pickupCode: 'H7J8K9M2', phoneLast4: '3333' });
    expect([locked.status, locked.json.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(handovers()).toBe(before);
    expect(getCertificate(svc.db, doc.id)!.state).toBe('ready');
    // The refusals are kept in the terminal's SQLite, as the check-in's are.
    expect((svc.db.prepare("SELECT count(*) AS n FROM attempt_failures WHERE kind = 'certificate-pickup'").get() as { n: number }).n).toBe(5);
  });
});

describe('verifying a certificate offline', () => {
  it('tells genuine, forged, unknown issuer, revoked, superseded and unreadable apart', async () => {
    const genuine = sync(testCertificate(signer));
    expect(await verify(genuine.qr)).toMatchObject({ verdict: 'genuine', identifier: genuine.identifier, certificate: { name: genuine.name, number: genuine.number, holderName: genuine.holder.name } });

    const forged = genuine.qr.replace('|2026-11-20|', '|2026-11-21|');
    expect((await verify(forged)).verdict).toBe('forged');

    const byStranger = testCertificate(stranger);
    expect((await verify(byStranger.qr)).verdict).toBe('unknown_issuer');

    const revoked = sync(testCertificate(signer, { state: 'revoked', revoked: { on: '2026-11-30', reason: '以欺骗手段取得' } }));
    expect(await verify(revoked.qr)).toMatchObject({ verdict: 'revoked', revoked: { on: '2026-11-30', reason: '以欺骗手段取得' } });

    const v2 = buildCertificateId({ typeCode: TYPE_CODE, issuerCode: ISSUER_CODE, serial: '7700001', version: 2 });
    const v1 = testCertificate(signer, { identifier: buildCertificateId({ typeCode: TYPE_CODE, issuerCode: ISSUER_CODE, serial: '7700001', version: 1 }), supersededBy: v2, state: 'superseded' });
    sync(v1);
    expect(await verify(v1.qr)).toMatchObject({ verdict: 'superseded', supersededBy: v2 });

    expect((await verify('not a certificate')).verdict).toBe('unreadable');
    // Genuinely signed but unknown to this terminal: still genuine, without public fields.
    const unsynced = signPayload({ identifier: v2, version: 2, issuedOn: '2026-12-01', holderHash: holderHash(HOLDER_CODE), keyId: 'k2026' }, signer.privateKey);
    expect(await verify(unsynced)).toMatchObject({ verdict: 'genuine', certificate: null });
  });

  it('a revocation synced down reaches the verdict', async () => {
    const doc = sync(testCertificate(signer));
    expect((await verify(doc.qr)).verdict).toBe('genuine');
    sync({ ...doc, state: 'revoked', revoked: { on: '2026-12-02', reason: '企业注销' } });
    expect((await verify(doc.qr)).verdict).toBe('revoked');
  });
});
