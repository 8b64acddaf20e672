import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateDoc, CertificateKey, type SyncChange } from '../../core/contract/index.js';
import { parseCertificateId, withVersion } from '../../core/common/certificate-id.js';
import { readPayload } from '../../core/common/certificate-payload.js';
import { verdictOf } from '../../core/common/certificate-verdict.js';
import { queueFixture, type QueueFixture } from '../queue/test-support.js';
import { changesAfter, latestSeq } from '../sync/changes.js';
import { backends } from '../test-db.js';
import { adminHere } from './admin-support.js';
import { verifyingKeys } from './keys.js';
import { certificateByIdentifier } from './store.js';
import { certInput, templateDir } from './test-support.js';

const MAIN_COUNTER = { hall: 'main', roles: ['counter' as const] };

describe.each(backends)('revoking, reissuing and rotating keys on $name', (backend) => {
  let f: QueueFixture;
  const tmp = mkdtempSync(join(tmpdir(), 'hall-cert-life-'));
  const templates = templateDir();
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    f.config.certificates = { ...f.config.certificates, templatesDir: templates };
  });
  afterAll(async () => {
    await f?.close();
    rmSync(tmp, { recursive: true, force: true });
    rmSync(templates, { recursive: true, force: true });
  });

  const admin = (argv: string[]) => adminHere(f.db, f.config, argv);
  const importOne = async (serial: string) => {
    const file = join(tmp, `${serial}.json`);
    writeFileSync(file, JSON.stringify(certInput(serial)));
    const r = await admin(['certificate', 'import', file]);
    expect(r.error).toBe('');
    return (await f.db.selectFrom('certificates').select('identifier').where('number', '=', certInput(serial).number).executeTakeFirstOrThrow()).identifier;
  };
  const changesSince = async (seq: number) => {
    const page = await changesAfter(f.db, seq, 100, undefined, MAIN_COUNTER);
    if (!('changes' in page)) throw new Error('snapshot');
    return page.changes as SyncChange[];
  };
  const known = async (identifier: string) => (await certificateByIdentifier(f.db, identifier))?.doc ?? null;
  const verdict = async (qr: string) => {
    const docs = await f.db.selectFrom('certificates').select('doc').execute();
    const byId = new Map(docs.map((d) => CertificateDoc.parse(d.doc)).map((d) => [d.identifier, d]));
    return verdictOf(qr, await verifyingKeys(f.db), (i) => byId.get(i) ?? null);
  };

  it('key create makes the first key; a second create is refused; list shows it', async () => {
    const seq = await latestSeq(f.db);
    const made = await admin(['certificate', 'key', 'create']);
    expect(made.out).toMatch(/^Signing key k20260302-[0-9a-f]{6} created/);
    const again = await admin(['certificate', 'key', 'create']);
    expect(again.code).toBe(1);
    expect(again.error).toContain('certificate key rotate');
    const changes = await changesSince(seq);
    expect(changes.map((c) => c.entity)).toEqual(['certificate_key']);
    expect(CertificateKey.parse(changes[0]!.data).retiredAt).toBeNull();
    const listed = await admin(['certificate', 'key', 'list']);
    expect(listed.out).toMatch(/KEY\s+STATE\s+ISSUER[\s\S]*k20260302-[0-9a-f]{6}\s+active\s+政务服务中心/);
  });

  it("revoke dates it by the hall's day, tells the hall, and the QR then verifies as revoked", async () => {
    const identifier = await importOne('501');
    const seq = await latestSeq(f.db);
    // 01:00 on 3 March in Shanghai, still 2 March in UTC.
    f.clock.now = Date.parse('2026-03-02T17:00:00Z');
    const r = await admin(['certificate', 'revoke', identifier, '--reason', '以欺骗手段取得']);
    expect(r.out).toContain(`Revoked ${identifier} on 2026-03-03`);
    const [change] = await changesSince(seq);
    expect(change!.data).toMatchObject({ identifier, state: 'revoked', revoked: { on: '2026-03-03', reason: '以欺骗手段取得' } });
    const doc = (await known(identifier))!;
    expect(await verdict(doc.qr)).toMatchObject({ verdict: 'revoked', revoked: { on: '2026-03-03' } });
    const twice = await admin(['certificate', 'revoke', identifier, '--reason', 'again']);
    expect(twice.code).toBe(1);
    expect(twice.error).toContain('was revoked on 2026-03-03');
    expect(await latestSeq(f.db)).toBe(seq + 1);
    expect((await admin(['certificate', 'revoke', identifier])).code).toBe(2);
    expect((await admin(['certificate', 'revoke', '1.2.156.3005.2.nothing', '--reason', 'x'])).error).toContain('No certificate');
  });

  it('reissue makes version 002 (new identifier and signature); the old one is superseded; both changes go down', async () => {
    const identifier = await importOne('502');
    const old = (await known(identifier))!;
    const seq = await latestSeq(f.db);
    const r = await admin(['certificate', 'reissue', identifier]);
    const parts = parseCertificateId(identifier);
    if (!('parts' in parts)) throw new Error('identifier');
    const next = withVersion(parts.parts, 2);
    expect(r.out).toContain(`Reissued as ${next} (version 002`);
    const changes = await changesSince(seq);
    expect(changes.map((c) => [(c.data as CertificateDoc).identifier, (c.data as CertificateDoc).state])).toEqual([
      [identifier, 'superseded'],
      [next, 'ready'],
    ]);
    const fresh = CertificateDoc.parse(changes[1]!.data);
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.pickupCode).not.toBe(old.pickupCode);
    expect(readPayload(fresh.qr)).toMatchObject({ identifier: next, version: 2 });
    expect(await verdict(old.qr)).toMatchObject({ verdict: 'superseded', supersededBy: next });
    expect(await verdict(fresh.qr)).toMatchObject({ verdict: 'genuine' });
    const again = await admin(['certificate', 'reissue', identifier]);
    expect(again.error).toContain(`was reissued as ${next}`);
    // The certificate's lineage and version are the stored row's too.
    const rows = await f.db.selectFrom('certificates').select(['version', 'state', 'lineage']).where('lineage', '=', `1.2.156.3005.2.${parts.parts.typeCode}.${parts.parts.issuerCode}.502`).orderBy('version').execute();
    expect(rows.map((x) => [x.version, x.state])).toEqual([
      [1, 'superseded'],
      [2, 'ready'],
    ]);
  });

  it('rotation: a new key signs from now on, the old one is retired but what it signed still verifies', async () => {
    const before = (await known(await importOne('503')))!;
    const oldKey = readPayload(before.qr)!.keyId;
    const seq = await latestSeq(f.db);
    const r = await admin(['certificate', 'key', 'rotate']);
    expect(r.out).toContain(`; ${oldKey} is retired`);
    const keyChanges = (await changesSince(seq)).map((c) => CertificateKey.parse(c.data));
    expect(keyChanges.map((k) => [k.keyId === oldKey, k.retiredAt !== null])).toEqual([
      [true, true],
      [false, false],
    ]);
    const after = (await known(await importOne('504')))!;
    expect(readPayload(after.qr)!.keyId).toBe(keyChanges[1]!.keyId);
    expect(await verdict(before.qr)).toMatchObject({ verdict: 'genuine' });
    expect(await verdict(after.qr)).toMatchObject({ verdict: 'genuine' });
    const listed = await admin(['certificate', 'key', 'list']);
    expect(listed.out).toMatch(new RegExp(`${oldKey}\\s+retired`));
    // The private keys stay in certificate_keys: no change carries one.
    const privates = (await f.db.selectFrom('certificate_keys').select('private_key').execute()).map((k) => k.private_key);
    const all = JSON.stringify(await changesAfter(f.db, 0, 500, undefined, MAIN_COUNTER));
    for (const p of privates) expect(all).not.toContain(p);
  });
});
