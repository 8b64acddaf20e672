import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey, signPayload, readPayload } from '../../core/common/certificate-payload.js';
import type { CertificateDoc } from '../../core/contract/index.js';
import { queueFixture, type QueueFixture } from '../queue/test-support.js';
import { seedCertificate, seedKey, type TestKey } from '../supervision/certificate-test-support.js';
import { backends } from '../test-db.js';

/**
 * Anyone checks a certificate's QR text on the central server, without signing in: the verdict of
 * the one rule (core/common/certificate-verdict.ts) against every key the server ever signed with and
 * its own records, no personal data in the answer, and a bound per client address.
 */
/** How the attempt store keys its rows (server/auth/attempt-limits.ts). */
const keyHash = (kind: string, key: string) => createHash('sha256').update(`${kind}\0${key}`).digest('hex');

describe.each(backends)('public certificate verification on $name', (backend) => {
  let f: QueueFixture;
  let key: TestKey;
  let genuine: CertificateDoc;
  let revoked: CertificateDoc;
  let v1: CertificateDoc;
  let v2: CertificateDoc;
  let retired: CertificateDoc;
  let citizen: CertificateDoc;
  let addr = 0;
  /** Each test its own address, so the bounds of one do not reach another. */
  const nextAddress = () => `198.51.100.${++addr}`;
  const verify = async (payload: unknown, opts: { address?: string; lang?: string } = {}) => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/public/certificates/verify',
      remoteAddress: opts.address ?? nextAddress(),
      headers: opts.lang ? { 'accept-language': opts.lang } : {},
      payload: payload as object,
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };

  beforeAll(async () => {
    f = await queueFixture(backend);
    const readyAt = new Date('2026-11-02T02:00:00Z');
    key = await seedKey(f.db, 'hlj-2026');
    const old = await seedKey(f.db, 'hlj-2025', { retiredAt: new Date('2026-01-01T00:00:00Z'), activeFrom: new Date('2025-01-01T00:00:00Z') });
    genuine = await seedCertificate(f.db, { key, serial: '2430599', readyAt });
    revoked = await seedCertificate(f.db, { key, serial: '2430600', readyAt, state: 'revoked', revoked: { on: '2026-11-20', reason: '企业申请注销' } });
    v1 = await seedCertificate(f.db, { key, serial: '2430601', readyAt, state: 'superseded' });
    v2 = await seedCertificate(f.db, { key, serial: '2430601', version: 2, readyAt });
    retired = await seedCertificate(f.db, { key: old, serial: '2430100', issuedOn: '2025-06-01', readyAt });
    citizen = await seedCertificate(f.db, {
      key,
      serial: '2430602',
      readyAt,
      template: 'prepaid-card-filing',
      name: '单用途商业预付卡备案回执',
      holder: { name: '张小三', code: '230102199001011234', codeType: '111' },
    });
  });
  afterAll(() => f?.close());

  it('says genuine with the public fields, needing no sign-in, and keeps the answer out of caches', async () => {
    const res = await verify({ payload: genuine.qr });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      verdict: 'genuine',
      identifier: genuine.identifier,
      version: 1,
      issuedOn: '2026-11-02',
      keyId: 'hlj-2026',
      certificate: { name: '对外劳务合作经营资格证书', number: genuine.number, holderName: '哈尔滨北方劳务合作有限公司', issuer: '黑龙江省商务厅', validFrom: '2026-11-02', validUntil: '2031-11-01' },
      revoked: null,
      supersededBy: null,
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    // Whitespace a phone's reader or a paste adds around the text changes nothing.
    expect((await verify({ payload: `  ${genuine.qr}\n` })).body.verdict).toBe('genuine');
  });

  it('still proves what a retired key signed', async () => {
    expect((await verify({ payload: retired.qr })).body).toMatchObject({ verdict: 'genuine', keyId: 'hlj-2025', issuedOn: '2025-06-01' });
  });

  it('says revoked with its date and reason, and superseded naming the newer version', async () => {
    expect((await verify({ payload: revoked.qr })).body).toMatchObject({ verdict: 'revoked', revoked: { on: '2026-11-20', reason: '企业申请注销' } });
    // The old version's record never learned of its successor; the server finds it in the lineage.
    const old = await verify({ payload: v1.qr });
    expect(old.body).toMatchObject({ verdict: 'superseded', identifier: v1.identifier, supersededBy: v2.identifier });
    expect((await verify({ payload: v2.qr })).body).toMatchObject({ verdict: 'genuine', version: 2 });
  });

  it('says forged for an altered payload, unknown issuer for a key not on its list, unreadable for other text', async () => {
    const altered = genuine.qr.replace('|2026-11-02|', '|2026-11-03|');
    expect((await verify({ payload: altered })).body).toMatchObject({ verdict: 'forged', certificate: null });
    const p = readPayload(genuine.qr)!;
    const stranger = signPayload({ identifier: p.identifier, version: p.version, issuedOn: p.issuedOn, holderHash: p.holderHash, keyId: 'hlj-2026' }, newSigningKey().privateKey);
    expect((await verify({ payload: stranger })).body).toMatchObject({ verdict: 'forged', certificate: null });
    const unknown = signPayload({ identifier: p.identifier, version: p.version, issuedOn: p.issuedOn, holderHash: p.holderHash, keyId: 'elsewhere-1' }, newSigningKey().privateKey);
    expect((await verify({ payload: unknown })).body).toMatchObject({ verdict: 'unknown_issuer', keyId: 'elsewhere-1', certificate: null });
    expect((await verify({ payload: 'https://example.com/not-a-certificate' })).body).toMatchObject({ verdict: 'unreadable', identifier: null });
  });

  it('never shows a citizen holder’s name whole, nor any holder code', async () => {
    const res = await verify({ payload: citizen.qr });
    expect(res.body).toMatchObject({ verdict: 'genuine', certificate: { holderName: '张*三' } });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('张小三');
    expect(text).not.toContain('230102199001011234');
    expect(JSON.stringify((await verify({ payload: genuine.qr })).body)).not.toContain('91230100MA1BXKPC5G');
  });

  it('refuses a missing, empty or oversized payload in the caller’s language, changing nothing', async () => {
    const before = await f.db.selectFrom('certificates').select(['id', 'state', 'doc']).orderBy('id').execute();
    const cases: [unknown, string, string][] = [
      [{}, 'zh-CN', '请求内容不正确。'],
      [{ payload: '   ' }, 'en', 'The request is not valid.'],
      [{ payload: 'x'.repeat(1001) }, 'ru', 'Запрос составлен неверно.'],
    ];
    for (const [body, lang, message] of cases) {
      const res = await verify(body, { lang });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message });
    }
    expect(await f.db.selectFrom('certificates').select(['id', 'state', 'doc']).orderBy('id').execute()).toEqual(before);
  });

  it('stops an address after 20 checks that proved nothing, while other addresses go on', async () => {
    const prober = nextAddress();
    const forged = genuine.qr.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    for (let i = 0; i < 20; i++) expect((await verify({ payload: forged }, { address: prober })).body.verdict).toBe('forged');
    const refused = await verify({ payload: genuine.qr }, { address: prober, lang: 'en' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.body.error.message).toBe('Too many failed attempts. Please try again in 15 min.');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await verify({ payload: genuine.qr })).body.verdict).toBe('genuine');
    // The window slides: fifteen minutes on, the address may check again.
    f.clock.now += 15 * 60_000 + 1000;
    expect((await verify({ payload: genuine.qr }, { address: prober })).body.verdict).toBe('genuine');
  });

  it('bounds genuine checks too (300 an hour per address), so the page cannot be scraped', async () => {
    const scraper = nextAddress();
    // 300 checks made within the hour, as the store holds them.
    await f.db
      .insertInto('attempt_failures')
      .values(
        Array.from({ length: 300 }, (_, i) => ({
          id: `seed-${i}`,
          kind: 'verify-address',
          key_hash: keyHash('verify-address', scraper),
          failed_at: new Date(f.clock.now - 1000),
          forget_at: new Date(f.clock.now + 3_600_000),
        })),
      )
      .execute();
    expect((await verify({ payload: genuine.qr }, { address: scraper })).status).toBe(429);
  });
});
