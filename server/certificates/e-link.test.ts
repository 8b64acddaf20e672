import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ERROR_MESSAGES, type CertificateDoc, type CertificateTemplate } from '../../core/contract/index.js';
import { loadServerConfig } from '../config.js';
import { buildServerApp } from '../http/app.js';
import { queueFixture, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { backends } from '../test-db.js';
import { linkToken } from './e-link.js';
import { importCertificates, serverTemplates } from './import.js';
import { revokeCertificate } from './lifecycle.js';
import { certInput, templateDir } from './test-support.js';

/** A real PDF naming the certificate, standing where core/documents/certificate-pdf.ts plugs in at start. */
const pdfOf = (cert: CertificateDoc, template: CertificateTemplate) =>
  new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(`${template.id} ${cert.identifier}`);
    doc.end();
  });

describe.each(backends)('electronic certificate links on $name', (backend) => {
  let f: QueueFixture;
  let withPdf: FastifyInstance;
  let counter: TestTerminal;
  let kiosk: TestTerminal;
  let ids: string[];
  let identifiers: string[];
  const templates = templateDir();
  const tmp = mkdtempSync(join(tmpdir(), 'hall-e-link-'));
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    f.config.certificates = { ...f.config.certificates, templatesDir: templates, eLinkSecret: 'test-link-secret', publicUrl: 'https://hall.example.cn' };
    withPdf = await buildServerApp(f.db, f.config, { certificatePdf: pdfOf });
    [counter, kiosk] = [await f.terminal('main', ['counter']), await f.terminal('main', ['kiosk'])];
    const r = await importCertificates(f.db, [certInput('1'), certInput('2', { hall: 'east' }), certInput('3')], { templates: serverTemplates(templates), keyIssuer: '某省商务厅', now: new Date(f.clock.now) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    ids = r.certificates.map((c) => c.id);
    identifiers = r.certificates.map((c) => c.identifier);
  });
  afterAll(async () => {
    await withPdf?.close();
    await f?.close();
    rmSync(templates, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });

  const link = (id: string, t = counter) => t.call('POST', `/api/sync/certificates/${id}/link`, {});
  const open = (url: string, lang?: string, app = withPdf) => app.inject({ method: 'GET', url: new URL(url).pathname, headers: lang ? { 'accept-language': lang } : {} });

  it('a counter gets a 15-minute link; it downloads the PDF without signing in', async () => {
    const res = await link(ids[0]!);
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/^https:\/\/hall\.example\.cn\/e\/[0-9A-Z]{26}\.[0-9a-z]+\.[\w-]{43}$/);
    expect(res.body.expiresAt).toBe(new Date(f.clock.now + 15 * 60_000).toISOString());
    const got = await open(res.body.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['cache-control']).toBe('no-store');
    const file = join(tmp, 'e.pdf');
    writeFileSync(file, got.rawPayload);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(identifiers[0]);
  });

  it('works until its expiry, then answers 410 with a page in the visitor\'s language', async () => {
    const start = f.clock.now;
    const { url } = (await link(ids[0]!)).body as { url: string };
    try {
      f.clock.now = start + 15 * 60_000 - 1000;
      expect((await open(url)).statusCode).toBe(200);
      f.clock.now = start + 15 * 60_000;
      const zh = await open(url);
      expect(zh.statusCode).toBe(410);
      expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(zh.body).toContain('这个链接已过期');
      expect((await open(url, 'en-GB,en;q=0.8')).body).toContain('This link has expired');
      expect((await open(url, 'ru')).body).toContain('Срок действия ссылки истёк');
    } finally {
      f.clock.now = start;
    }
  });

  it('an altered token, or one made with another key, is refused with 403 and no stack trace', async () => {
    const { url } = (await link(ids[0]!)).body as { url: string };
    const [id, exp, sig] = new URL(url).pathname.slice(3).split('.') as [string, string, string];
    const longer = `/e/${id}.${(parseInt(exp, 36) + 86_400_000).toString(36)}.${sig}`;
    const otherCert = `/e/${ids[2]}.${exp}.${sig}`;
    const otherKey = `/e/${linkToken(Buffer.from('not-the-server-secret'), ids[0]!, parseInt(exp, 36))}`;
    for (const path of [longer, otherCert, otherKey, '/e/garbage', `/e/${id}.${exp}.${sig.slice(0, -1)}`]) {
      const res = await withPdf.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('it was not issued by this centre, or it was altered');
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('refuses a link to another hall\'s certificate, to a kiosk, and to a revoked one; a link made before revocation stops working', async () => {
    expect(await link(ids[1]!)).toMatchObject({ status: 404, body: { error: { code: 'CERTIFICATE_NOT_FOUND' } } });
    expect(await link(ids[0]!, kiosk)).toMatchObject({ status: 403, body: { error: { code: 'TERMINAL_ROLE_FORBIDDEN' } } });
    const { url } = (await link(ids[2]!)).body as { url: string };
    await revokeCertificate(f.db, identifiers[2]!, '证照有误', new Date(f.clock.now), f.config.hallTimeZone);
    expect(await link(ids[2]!)).toEqual({ status: 409, body: { error: { code: 'CERTIFICATE_REVOKED', message: SERVER_ERROR_MESSAGES['zh-CN'].CERTIFICATE_REVOKED } } });
    const res = await open(url);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('这个证照已被撤销');
  });

  it('without a PDF maker the link answers 503 with a page saying so', async () => {
    const { url } = (await link(ids[0]!)).body as { url: string };
    const res = await open(url, 'en', f.app);
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('cannot be made right now');
  });

  it('E_LINK_MINUTES sets how long links work', () => {
    expect(loadServerConfig({ E_LINK_MINUTES: '5' }).certificates.eLinkMinutes).toBe(5);
    expect(loadServerConfig({}).certificates.eLinkMinutes).toBe(15);
    expect(() => loadServerConfig({ E_LINK_MINUTES: 'soon' })).toThrow('E_LINK_MINUTES must be a whole number');
  });
});
