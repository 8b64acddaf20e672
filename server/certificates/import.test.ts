import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateDoc, PickupCode } from '../../core/contract/index.js';
import { buildCertificateId } from '../../core/common/certificate-id.js';
import { holderHash, readPayload } from '../../core/common/certificate-payload.js';
import { verdictOf } from '../../core/common/certificate-verdict.js';
import { ADMIN_CLI, runCli } from '../admin/cli-test-support.js';
import { DEFAULT_HALL_FILE } from '../halls/default.js';
import { importHallConfig } from '../halls/repository.js';
import { OTHER_HALL, queueFixture, SEED_CATALOG_FILE, type QueueFixture } from '../queue/test-support.js';
import { importServerCatalog } from '../sync/catalog.js';
import { changesAfter, latestSeq } from '../sync/changes.js';
import { backends } from '../test-db.js';
import { adminHere } from './admin-support.js';
import { verifyingKeys } from './keys.js';
import { certInput, creditCode, HOLDER, ISSUER, RESIDENT_ID, templateDir, TYPE_CODE } from './test-support.js';

const MAIN_COUNTER = { hall: 'main', roles: ['counter' as const] };

describe.each(backends)('certificate import on $name', (backend) => {
  let f: QueueFixture;
  const tmp = mkdtempSync(join(tmpdir(), 'hall-cert-import-'));
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

  const file = (name: string, json: unknown) => {
    const p = join(tmp, name);
    writeFileSync(p, JSON.stringify(json));
    return p;
  };
  const admin = (argv: string[]) => adminHere(f.db, f.config, argv);
  const counts = async () => ({
    seq: await latestSeq(f.db),
    certificates: (await f.db.selectFrom('certificates').select('id').execute()).length,
    keys: (await f.db.selectFrom('certificate_keys').select('key_id').execute()).length,
  });

  it('refuses a file with a wrong check character, an unknown template, an unknown or abolished procedure, naming each path; nothing changes', async () => {
    const before = await counts();
    const wrongCheck = `${HOLDER.slice(0, 17)}${HOLDER[17] === 'A' ? 'B' : 'A'}`;
    const bad = file('bad.json', [
      certInput('1001', { holder: { name: '甲公司', code: wrongCheck, codeType: '001' } }),
      certInput('1002', { template: 'no-such-template' }),
      certInput('1003', { template: 'ghost-licence', fields: {} }),
      certInput('1004', { template: 'old-licence', fields: {} }),
      certInput('1005', { hall: 'nowhere', issuer: { name: '某省商务厅', code: '11220000013544541A' } }),
      certInput('1006', { fields: { address: '某地' }, validFrom: '2026-03-01', validUntil: '2026-02-01' }),
      certInput('1007', { holder: { name: '李四', code: '110105194912310021', codeType: '111' } }),
      { ...certInput('1008'), typeCode: 'bad' },
      certInput('1009'),
    ]);
    const r = await admin(['certificate', 'import', bad]);
    expect(r.code).toBe(1);
    expect(r.error).toContain('nothing was imported');
    for (const line of [
      "[0].holder.code: the holder's unified social credit code is wrong: its check character is wrong",
      '[1].template: there is no certificate template "no-such-template"',
      "[2].template: the template's procedure ZZ-99 is not in the catalog",
      "[3].template: the template's procedure FT-05 was abolished on",
      '[4].hall: no hall "nowhere" is configured',
      "[4].issuer.code: the issuer's unified social credit code is wrong: its check character is wrong",
      '[5].fields.legalRepresentative: the template requires the field "legalRepresentative"',
      '[5].validUntil: the validity ends before it starts',
      "[6].holder.code: the holder's resident ID number is wrong: its check character is wrong",
      '[7].typeCode: not in the expected form',
    ])
      expect(r.error).toContain(line);
    // The one good certificate of the file is not imported either.
    expect(r.error).not.toContain('[8]');
    expect(await counts()).toEqual(before);
  });

  it('imports a certificate: identifier, pickup code, a QR signed by the key it makes first, one change each', async () => {
    const before = await counts();
    const r = await admin(['certificate', 'import', file('one.json', certInput('2001'))]);
    expect(r).toMatchObject({ code: 0, error: '' });
    expect(r.out).toMatch(/No signing key yet: made key k20260302-[0-9a-f]{6}/);
    const identifier = buildCertificateId({ typeCode: TYPE_CODE, issuerCode: ISSUER, serial: '2001', version: 1 });
    expect(r.out).toContain(`Imported ${identifier}`);
    const page = await changesAfter(f.db, before.seq, 10, undefined, MAIN_COUNTER);
    if (!('changes' in page)) throw new Error('snapshot');
    expect(page.changes.map((c) => c.entity)).toEqual(['certificate_key', 'certificate']);
    const doc = CertificateDoc.parse(page.changes[1]!.data);
    expect(doc).toMatchObject({ identifier, version: 1, hall: 'main', procedureId: 'OI-03', name: '对外劳务合作经营资格证书', state: 'ready', phoneLast4: '5678', holder: { code: HOLDER } });
    expect(PickupCode.safeParse(doc.pickupCode).success).toBe(true);
    expect(JSON.stringify(page.changes)).not.toContain('13812345678');
    const payload = readPayload(doc.qr)!;
    expect(payload).toMatchObject({ identifier, version: 1, issuedOn: '2026-02-27', holderHash: holderHash(HOLDER) });
    expect(verdictOf(doc.qr, await verifyingKeys(f.db), () => doc)).toMatchObject({ verdict: 'genuine', certificate: { number: doc.number } });
    const row = await f.db.selectFrom('certificates').select(['phone', 'holder_code', 'lineage']).where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '13812345678', holder_code: HOLDER, lineage: `1.2.156.3005.2.${TYPE_CODE}.${ISSUER}.2001` });
  });

  it('sends a citizen holder code down masked, keeps it whole on the server; the QR hashes the whole one', async () => {
    const before = await latestSeq(f.db);
    const r = await admin(['certificate', 'import', file('citizen.json', [certInput('2002', { holder: { name: '王五', code: RESIDENT_ID.toLowerCase(), codeType: '111' } })])]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('signing key');
    const page = await changesAfter(f.db, before, 10, undefined, MAIN_COUNTER);
    if (!('changes' in page)) throw new Error('snapshot');
    const doc = CertificateDoc.parse(page.changes[0]!.data);
    expect(doc.holder).toEqual({ name: '王五', code: '**************002X', codeType: '111' });
    expect(JSON.stringify(page)).not.toContain(RESIDENT_ID.slice(0, 14));
    expect(readPayload(doc.qr)!.holderHash).toBe(holderHash(RESIDENT_ID));
    const row = await f.db.selectFrom('certificates').select('holder_code').where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row.holder_code).toBe(RESIDENT_ID);
  });

  it('a re-sent file changes nothing; the same identifier with other data is refused ("use reissue")', async () => {
    const before = await counts();
    const again = await admin(['certificate', 'import', file('again.json', [certInput('2001')])]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('1 certificate(s) were imported before with the same data');
    expect(await counts()).toEqual(before);
    const changed = await admin(['certificate', 'import', file('changed.json', [certInput('2003'), certInput('2001', { number: '另一个编号' })])]);
    expect(changed.code).toBe(1);
    expect(changed.error).toContain('[1]: certificate 1.2.156.3005.2.');
    expect(changed.error).toContain('use reissue');
    expect(await counts()).toEqual(before);
    const twice = await admin(['certificate', 'import', file('twice.json', [certInput('2004'), certInput('2004')])]);
    expect(twice.error).toContain('[1]: certificate');
    expect(twice.error).toContain('appears more than once');
    expect(await counts()).toEqual(before);
  });

  it('gives every waiting certificate its own pickup code', async () => {
    const r = await admin(['certificate', 'import', file('many.json', Array.from({ length: 30 }, (_, i) => certInput(String(3000 + i), { template: 'prepaid-card-filing', fields: { cardBrand: '华夏卡' } })))]);
    expect(r.code).toBe(0);
    const codes = (await f.db.selectFrom('certificates').select('pickup_code').execute()).map((c) => c.pickup_code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists certificates for the operator without ID numbers', async () => {
    const r = await admin(['certificate', 'list', '--hall', 'main']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^STATE\s+HALL\s+NUMBER\s+NAME\s+HOLDER/);
    expect(r.out).toMatch(/ready\s+main\s+对外劳务〔2026〕2001号\s+对外劳务合作经营资格证书\s+华夏国际劳务合作有限公司/);
    expect(r.out).not.toContain(RESIDENT_ID);
    expect((await admin(['certificate', 'list', '--state', 'gone'])).code).toBe(2);
  });
});

describe.each(backends)('certificate import through the admin CLI process on $name', (backend) => {
  it('refuses a bad file and imports a good one, as an operator runs it', { timeout: 120_000 }, async () => {
    const shared = await backend.openShared();
    const tmp = mkdtempSync(join(tmpdir(), 'hall-cert-cli-'));
    const templates = templateDir();
    try {
      const db = await shared.connect();
      try {
        const now = new Date();
        await importHallConfig(db, JSON.stringify([JSON.parse(readFileSync(DEFAULT_HALL_FILE, 'utf8')), OTHER_HALL]), now);
        const cat = await importServerCatalog(db, readFileSync(SEED_CATALOG_FILE, 'utf8'), now);
        expect(cat.ok).toBe(true);
      } finally {
        await db.destroy();
      }
      const env = { ...process.env, ...shared.env, CERTIFICATE_TEMPLATES: templates };
      const badFile = join(tmp, 'bad.json');
      writeFileSync(badFile, JSON.stringify(certInput('9001', { issuer: { name: '某省商务厅', code: creditCode('11220000013544541').replace(/.$/, '0') } })));
      const refused = await runCli(ADMIN_CLI, ['certificate', 'import', badFile], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("issuer.code: the issuer's unified social credit code is wrong");
      const goodFile = join(tmp, 'good.json');
      writeFileSync(goodFile, JSON.stringify(certInput('9001')));
      const ok = await runCli(ADMIN_CLI, ['certificate', 'import', goodFile], { env });
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('1 certificate(s) imported');
    } finally {
      await shared.cleanup();
      rmSync(tmp, { recursive: true, force: true });
      rmSync(templates, { recursive: true, force: true });
    }
  });
});
