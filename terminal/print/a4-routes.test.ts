import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { A4Document } from '../../core/contract/print.js';
import { enqueueA4Job, getA4Job } from '../../core/print/a4-jobs.js';
import { CUPS_URI, pdfText, requireCups, samplePdf, cupsOutput } from '../../tests/cups.js';
import { loadConfig } from '../config.js';
import { putClerk, TEST_PASSWORD } from '../test-clerks.js';
import { startTestService, type RunningService } from '../test-service.js';

const services: RunningService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

const doc: A4Document = { kind: 'certificate', certificateId: 'CERT-ROUTE-1', lang: 'zh-CN', reprint: null };

async function counter(env: NodeJS.ProcessEnv, sent?: number[]) {
  const svc = await startTestService(
    { ROLE: 'counter', ...env },
    { a4: { render: (d) => samplePdf([`技术进出口合同登记证书 ${d.certificateId}`]), onSent: (_job, printed) => sent?.push(printed.jobId) } },
  );
  services.push(svc);
  putClerk(svc.db, 'li.na', '李娜', '0106');
  const login = await svc.app.inject({
    method: 'POST',
    url: '/api/counter/login',
    headers: { host: '127.0.0.1', 'content-type': 'application/json' },
    payload: JSON.stringify({ login: 'li.na', password: TEST_PASSWORD, counterNo: 6 }),
  });
  const token = login.json().token as string;
  const call = async (method: 'GET' | 'POST', url: string, lang = 'zh-CN') => {
    const res = await svc.app.inject({
      method,
      url,
      headers: { host: '127.0.0.1', authorization: `Bearer ${token}`, 'accept-language': lang, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      payload: method === 'POST' ? '{}' : undefined,
    });
    return { status: res.statusCode, json: res.json() };
  };
  return { svc, call };
}

async function done(svc: RunningService, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = getA4Job(svc.db, id)!;
    if (job.state === 'done' || (job.state === 'failed' && !job.nextAttemptAt)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`A4 job ${id} did not finish`);
}

describe('A4 print jobs on the counter', () => {
  beforeAll(async () => {
    await requireCups();
  });

  it('lists the jobs with their state, and a reprint prints a new job on the A4 printer', async () => {
    const sent: number[] = [];
    const { svc, call } = await counter({ A4_PRINTER: CUPS_URI }, sent);
    const job = enqueueA4Job(svc.db, doc, new Date());
    await done(svc, job.id);
    const list = await call('GET', '/api/counter/a4-jobs');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ configured: true, jobs: [{ id: job.id, state: 'done', attempts: 1, failure: null, document: doc }] });

    const again = await call('POST', `/api/counter/a4-jobs/${job.id}/reprint`);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ state: 'queued', document: doc });
    expect(again.json.id).not.toBe(job.id);
    await done(svc, again.json.id);
    expect(sent).toHaveLength(2);
    expect(pdfText(await cupsOutput(sent[1]!))).toContain('技术进出口合同登记证书 CERT-ROUTE-1');
    expect((await call('GET', '/api/counter/a4-jobs')).json.jobs.map((j: { id: string }) => j.id)).toEqual([again.json.id, job.id]);
  });

  it('an unknown job is NOT_FOUND; with no A4 printer a reprint is NO_A4_PRINTER, in the clerk’s language, and nothing is queued', async () => {
    const withPrinter = await counter({ A4_PRINTER: CUPS_URI });
    const missing = await withPrinter.call('POST', '/api/counter/a4-jobs/01JZZZZZZZZZZZZZZZZZZZZZZZ/reprint', 'en');
    expect([missing.status, missing.json.error.code]).toEqual([404, 'NOT_FOUND']);

    const { call } = await counter({});
    expect((await call('GET', '/api/counter/a4-jobs')).json).toEqual({ configured: false, jobs: [] });
    const refused = await call('POST', '/api/counter/a4-jobs/01JZZZZZZZZZZZZZZZZZZZZZZZ/reprint');
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatchObject({ code: 'NO_A4_PRINTER', message: '本窗口没有配置 A4 打印机，请联系管理员。' });
    expect((await call('POST', '/api/counter/a4-jobs/x/reprint', 'ru')).json.error.message).toMatch(/принтер A4/);
    expect((await call('POST', '/api/counter/a4-jobs/x/reprint', 'en')).json.error.message).toMatch(/No A4 printer/);
    expect((await call('GET', '/api/counter/a4-jobs')).json.jobs).toEqual([]);
  });

  it('refuses an A4_PRINTER that is not an IPP URI with a message saying what it should be', () => {
    expect(() => loadConfig({ A4_PRINTER: 'lpd://host/queue' })).toThrow(/A4_PRINTER must be an IPP printer URI such as ipp:\/\/localhost:631\/printers\/NAME/);
    expect(loadConfig({ A4_PRINTER: ' ipp://10.0.0.5:631/printers/A4 ' }).a4Printer).toBe('ipp://10.0.0.5:631/printers/A4');
    expect(loadConfig({}).a4Printer).toBeNull();
  });
});
