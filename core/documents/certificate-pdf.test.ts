import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verdictOf } from '../common/certificate-verdict.js';
import type { CertificateDoc } from '../contract/certificates.js';
import { testCertificate, testKey } from '../../tests/documents/certificates.js';
import { certificatePdf } from './certificate-pdf.js';
import { loadTemplates } from './templates.js';

const hall = { timeZone: 'Asia/Shanghai' };
const templates = loadTemplates();
const dir = mkdtempSync(path.join(tmpdir(), 'cert-pdf-'));
const signer = testKey();

/** Writes the PDF and runs a poppler / zbar tool on it, as an archivist or a verifier would. */
async function render(cert: CertificateDoc, opts: Partial<Parameters<typeof certificatePdf>[2]> = {}) {
  const pdf = await certificatePdf(cert, templates.get(cert.template)!, { ...hall, ...opts });
  const file = path.join(dir, `${cert.template}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    pdf,
    text: () => run('pdftotext', '-layout', file, '-'),
    fonts: () => run('pdffonts', file),
    info: () => run('pdfinfo', '-custom', file),
    pages: () => run('pdfinfo', file),
    qr: () => {
      run('pdftoppm', '-r', '150', '-png', '-singlefile', file, file);
      return run('zbarimg', '--raw', '-q', `${file}.png`).trim();
    },
  };
}

// Each case renders a page and runs poppler on it: generous limits for a loaded CI machine (not timings of the code).
describe('certificatePdf', { timeout: 30_000 }, () => {
  let labour: CertificateDoc;
  let out: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    labour = testCertificate('labour-cooperation', signer.privateKey);
    out = await render(labour);
  }, 30_000);

  it('is one A4 portrait page', () => {
    const info = out.pages();
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(out.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows title, holder, number, identifier and its own fields as selectable Chinese text', () => {
    const text = out.text();
    expect(text).toContain('对外劳务合作经营资格证书');
    expect(text).toMatch(/持证主体：\s+黑龙江龙江国际经济技术合作有限公司/);
    expect(text).toMatch(/持证主体代码：\s+91230100MA1B2C3D49（统一社会信用代码）/);
    expect(text).toContain('编号：黑商劳字〔2026〕第 0042 号');
    expect(text).toContain(`证照标识：${labour.identifier}`);
    expect(text).toContain(`证照类型代码：${labour.typeCode}`);
    expect(text).toMatch(/法定代表人：\s+王建国/);
    expect(text).toMatch(/经营范围：\s+对外劳务合作（向境外派遣各类劳务人员，不含海员）/);
    expect(text).toMatch(/有效期：\s+2026-12-01 至 2029-11-30/);
    expect(text).toMatch(/颁发机构：\s+黑龙江省商务厅/);
    expect(text).toMatch(/颁发日期：\s+2026年12月01日/);
    expect(text).toContain('扫描二维码验证本证照真伪');
    expect(text).not.toContain('补打');
  });

  it('embeds the Chinese font as a subset with a Unicode map (text stays selectable)', () => {
    const rows = out
      .fonts()
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type… emb sub uni: an ABCDEF+ subset prefix, embedded, subset, ToUnicode.
      expect(row).toMatch(/^[A-Z]{6}\+\S+CJK\S*\s.*\syes\s+yes\s+yes\s/);
    }
    // A subset of a 20 MB collection, not the collection itself.
    expect(out.pdf.length).toBeLessThan(400_000);
  });

  it('carries the GB/T 36903 metadata in the document information', () => {
    const info = out.info();
    const value = (key: string) => info.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1];
    expect(value('Title')).toBe('对外劳务合作经营资格证书');
    expect(value('Subject')).toContain('黑龙江龙江国际经济技术合作有限公司');
    expect(value('Keywords')).toContain(labour.identifier);
    expect(value('CertName')).toBe('对外劳务合作经营资格证书');
    expect(value('CertTypeCode')).toBe(labour.typeCode);
    expect(value('CertNumber')).toBe('黑商劳字〔2026〕第 0042 号');
    expect(value('CertIdentifier')).toBe(labour.identifier);
    expect(value('CertIssuer')).toBe('黑龙江省商务厅');
    expect(value('CertIssuedOn')).toBe('2026-12-01');
    expect(value('CertHolder')).toBe('黑龙江龙江国际经济技术合作有限公司');
    expect(value('CertHolderCode')).toBe('91230100MA1B2C3D49');
    expect(value('CertHolderCodeType')).toBe('001');
    expect(value('CertValidUntil')).toBe('2029-11-30');
  });

  it('prints a QR that a phone camera reads back as the signed payload, genuine under the department’s key', () => {
    const decoded = out.qr();
    expect(decoded).toBe(labour.qr);
    const verdict = verdictOf(decoded, [signer.key], (id) => (id === labour.identifier ? labour : null));
    expect(verdict.verdict).toBe('genuine');
    expect(verdict.certificate).toMatchObject({ holderName: '黑龙江龙江国际经济技术合作有限公司', number: labour.number });
    // The same page under a key the verifier does not hold proves nothing.
    expect(verdictOf(decoded, [testKey('other-key').key], () => null).verdict).toBe('unknown_issuer');
  });

  it('marks a reprint visibly with 补打, the hall’s date and time, and the reason', async () => {
    // 01:30 UTC is 09:30 in the hall; 17:30 UTC is already the next day there.
    const r = await render(labour, { reprint: { reason: '原件污损', at: '2026-12-02T17:30:00Z' } });
    expect(r.text()).toMatch(/补打\s+2026-12-03 01:30/);
    expect(r.text()).toContain('原因：原件污损');
    expect(r.info()).toMatch(/CertReprint:\s+2026-12-03 01:30 原件污损/);
  });

  it('draws every template, a 长期 validity and a citizen holder’s masked code', async () => {
    // The 备案回执 is a slip at the counter, and this same page when delivered electronically.
    for (const id of ['auction-licence', 'overseas-investment', 'technology-contract', 'prepaid-card-filing']) {
      const cert = testCertificate(id, signer.privateKey);
      const text = (await render(cert)).text();
      expect(text, id).toContain(templates.get(id)!.layout.title as string);
      for (const value of Object.values(cert.fields)) expect(text.replace(/\s+/g, ''), `${id}: ${value}`).toContain(value.replace(/\s+/g, ''));
    }
    const citizen = testCertificate('auction-licence', signer.privateKey, 'hall-2026', {
      validUntil: null,
      holder: { name: '张三', code: '230***********1234', codeType: '111' },
    });
    const r = await render(citizen);
    expect(r.text()).toMatch(/有效期：\s+自 2026-12-01 起长期有效/);
    expect(r.text()).toContain('230***********1234（公民身份号码）');
    expect(r.info()).toMatch(/CertValidUntil:\s+长期/);
  });

  it('keeps characters outside GB18030’s two-byte area as real, selectable text', async () => {
    const rare = testCertificate('auction-licence', signer.privateKey, 'hall-2026', { holder: { name: '黑龙江䶮𠀾国际贸易有限公司', code: '91230100MA1B2C3D49', codeType: '001' } });
    expect((await render(rare)).text()).toMatch(/持证主体：\s+黑龙江䶮𠀾国际贸易有限公司/);
  });

  it('refuses a font file that does not exist, naming it', async () => {
    await expect(certificatePdf(labour, templates.get('labour-cooperation')!, { ...hall, font: path.join(dir, 'missing.ttf') })).rejects.toThrow(/Cannot read the certificate font .*missing\.ttf: ENOENT/);
  });

  it('draws with a font given by path and face (CERT_FONT form)', async () => {
    const r = await render(labour, { font: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular' });
    expect(r.fonts()).toMatch(/\+NotoSansCJKsc-Regular/);
  });
});
