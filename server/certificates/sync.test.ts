import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateDoc, CertificateKey, SyncChange } from '../../core/contract/index.js';
import { queueFixture, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { backends } from '../test-db.js';
import { importCertificates, serverTemplates } from './import.js';
import { certInput, RESIDENT_ID, templateDir } from './test-support.js';

/** Certificates go down to their own hall's counters and kiosks only; verifying keys to every terminal. */
describe.each(backends)('certificates in the download feed on $name', (backend) => {
  let f: QueueFixture;
  let mainCounter: TestTerminal;
  let mainKiosk: TestTerminal;
  let mainTv: TestTerminal;
  let eastCounter: TestTerminal;
  const templates = templateDir();
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    [mainCounter, mainKiosk, mainTv, eastCounter] = [await f.terminal('main', ['counter']), await f.terminal('main', ['kiosk']), await f.terminal('main', ['hall']), await f.terminal('east', ['counter'])];
    const opts = { templates: serverTemplates(templates), keyIssuer: '某省商务厅', now: new Date(f.clock.now) };
    const r = await importCertificates(
      f.db,
      [certInput('1'), certInput('2', { hall: 'east' }), certInput('3', { holder: { name: '王五', code: RESIDENT_ID, codeType: '111' } })],
      opts,
    );
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await f?.close();
    rmSync(templates, { recursive: true, force: true });
  });

  const pull = async (t: TestTerminal) => {
    const res = await t.call('GET', '/api/sync/changes?after=0&limit=500');
    expect(res.status).toBe(200);
    const changes = res.body.changes as SyncChange[];
    return { certificates: changes.filter((c) => c.entity === 'certificate').map((c) => c.data as CertificateDoc), keys: changes.filter((c) => c.entity === 'certificate_key').map((c) => c.data as CertificateKey) };
  };

  it("a counter and a kiosk of hall main get main's certificates, not east's; east's counter the other way round", async () => {
    for (const t of [mainCounter, mainKiosk]) {
      const { certificates, keys } = await pull(t);
      expect(certificates.map((c) => c.number)).toEqual(['对外劳务〔2026〕1号', '对外劳务〔2026〕3号']);
      expect(keys).toHaveLength(1);
    }
    const east = await pull(eastCounter);
    expect(east.certificates.map((c) => c.number)).toEqual(['对外劳务〔2026〕2号']);
    expect(east.keys).toHaveLength(1);
  });

  it('a hall TV holds no certificate, but the verifying keys', async () => {
    const { certificates, keys } = await pull(mainTv);
    expect(certificates).toEqual([]);
    expect(keys.map((k) => Object.keys(k).sort())).toEqual([['activeFrom', 'issuer', 'keyId', 'publicKey', 'retiredAt']]);
  });

  it("the snapshot holds the reader's hall's certificates, masked for a citizen, and every key, never a private key", async () => {
    const res = await mainCounter.call('GET', '/api/sync/changes?after=999999');
    expect(res.status).toBe(410);
    const { certificates, certificateKeys } = res.body.snapshot as { certificates: CertificateDoc[]; certificateKeys: CertificateKey[] };
    expect(certificates.map((c) => c.hall)).toEqual(['main', 'main']);
    expect(certificates.find((c) => c.holder.codeType === '111')?.holder.code).toBe('**************002X');
    expect(JSON.stringify(res.body)).not.toContain(RESIDENT_ID);
    const { private_key } = await f.db.selectFrom('certificate_keys').select('private_key').executeTakeFirstOrThrow();
    expect(JSON.stringify(res.body)).not.toContain(private_key);
    expect(certificateKeys).toHaveLength(1);
    const tv = await mainTv.call('GET', '/api/sync/changes?after=999999');
    expect(tv.body.snapshot.certificates).toEqual([]);
    expect(tv.body.snapshot.certificateKeys).toEqual(certificateKeys);
  });
});
