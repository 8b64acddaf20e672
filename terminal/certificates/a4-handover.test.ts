import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_APPLY } from '../../core/certificates/store.js';
import { testCertificate, testKey, writeTestTemplates } from '../../core/certificates/test-certificates.js';
import { verdictOf } from '../../core/common/certificate-verdict.js';
import { tempDir } from '../../core/db/test-db.js';
import { CUPS_URI, cupsOutput, pdfText, requireCups } from '../../tests/cups.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../test-staff.js';

// The clerk's one action for an A4 certificate, through the real cupsd: the PDF that comes out names the
// holder, number and identifier in Chinese, and its QR, read back from the page, verifies as genuine.

const templates = tempDir('hall-a4-tpl-');
const signer = testKey();
const sent: number[] = [];
let svc: RunningService;
let call: ReturnType<typeof injector>;
let token: string;

beforeAll(async () => {
  await requireCups();
  svc = await startTestService(
    { CERTIFICATE_TEMPLATES: writeTestTemplates(templates.file('t')), A4_PRINTER: CUPS_URI },
    { a4: { pollMs: 100, onSent: (_job, printed) => sent.push(printed.jobId) } },
  );
  call = injector(svc.app);
  putTestStaff(svc.db, [['zhao.lei', '赵磊', '0601']]);
  CERTIFICATE_APPLY.certificate_key!(svc.db, { seq: 1, entity: 'certificate_key', key: signer.key.keyId, op: 'upsert', data: signer.key });
  token = (await call('POST', '/api/counter/login', { login: 'zhao.lei', password: TEST_PASSWORD, counterNo: 6 })).json.token;
}, 30_000);
afterAll(async () => {
  await svc?.stop();
  templates.cleanup();
});

describe('an A4 certificate handed over at the counter', { timeout: 60_000 }, () => {
  it('prints on the IPP printer; the PDF carries the holder, number and identifier, and its QR verifies', async () => {
    const doc = testCertificate(signer, {
      template: 'labour-cooperation',
      procedureId: 'OI-03',
      name: '对外劳务合作经营资格证书',
      number: '黑商劳字〔2026〕第0042号',
      fields: { legalRepresentative: '王建国', enterpriseType: '有限责任公司', registeredCapital: '人民币 1000 万元', paidInCapital: '人民币 800 万元', domicile: '哈尔滨市南岗区红军街 15 号', businessScope: '对外劳务合作' },
    });
    CERTIFICATE_APPLY.certificate!(svc.db, { seq: 2, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
    const res = await call('POST', `/api/certificates/${doc.id}/handover`, { recipient: { kind: 'self', name: '张三丰', idType: 'resident', idNumber: '230103198001011232' } }, token);
    expect(res.status).toBe(200);
    expect(res.json.a4Job).toMatchObject({ document: { kind: 'certificate', certificateId: doc.id }, state: 'queued' });
    expect(res.json.jobs.map((j: { kind: string }) => j.kind)).toEqual(['handover-receipt']);

    for (let i = 0; i < 300 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const file = await cupsOutput(sent[0]!);
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain(doc.holder.name);
    expect(text).toContain(doc.number);
    expect(text).toContain('证照标识');
    // cups-pdf prints through PostScript (pdftocairo), which re-encodes the font and garbles the text layer
    // of some Latin digits although the page looks right; the identifier is read from the page's QR instead.
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, `${file}.page`]);
    const qr = execFileSync('zbarimg', ['--raw', '-q', `${file}.page.png`], { encoding: 'utf8' }).trim();
    expect(qr).toBe(doc.qr);
    expect(qr.split('|')[1]).toBe(doc.identifier);
    expect(verdictOf(qr, [signer.key], () => doc).verdict).toBe('genuine');
  });
});
