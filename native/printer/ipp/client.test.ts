import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUPS_QUEUE, cupsOutput, pdfText, requireCups, samplePdf } from '../../../tests/cups.js';
import { getJobAttributes, getPrinterAttributes, httpUrl, IppError, printPdf } from './client.js';

/** A loopback port with nothing listening: taken and released, so a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('IPP client against the real cupsd', () => {
  let uri: string;
  beforeAll(async () => {
    ({ uri } = await requireCups());
  });

  it('maps printer URIs to HTTP on port 631, and refuses other schemes', () => {
    expect(httpUrl('ipp://printer.example.com/printers/A4').toString()).toBe('http://printer.example.com:631/printers/A4');
    expect(httpUrl('ipps://10.0.0.5/ipp/print').toString()).toBe('https://10.0.0.5:631/ipp/print');
    expect(httpUrl('ipp://host:8631/ipp/print').port).toBe('8631');
    expect(() => httpUrl('lpd://host/queue')).toThrow(/must be ipp:\/\//);
  });

  it('reads the queue idle and accepting jobs', async () => {
    const printer = await getPrinterAttributes(uri);
    expect(printer.state).not.toBe('stopped');
    expect(printer.acceptingJobs).toBe(true);
    expect(printer.reasons.length).toBeGreaterThan(0);
  });

  it('prints a PDF: the job completes and the PDF cups-pdf writes carries the text', async () => {
    const pdf = await samplePdf(['IPP 打印测试 hall-a4', '证照编号 TEST-0001']);
    const job = await printPdf(uri, pdf, 'ipp-client-test');
    expect(job.jobId).toBeGreaterThan(0);
    const file = await cupsOutput(job.jobId);
    expect((await getJobAttributes(uri, job.jobId)).state).toBe('completed');
    const text = pdfText(file);
    expect(text).toContain('IPP 打印测试 hall-a4');
    expect(text).toContain('证照编号 TEST-0001');
  });

  it('names the IPP status for a queue that does not exist', async () => {
    const err = await getPrinterAttributes(`ipp://localhost:631/printers/${CUPS_QUEUE}-missing`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IppError);
    expect((err as IppError).reason).toBe('client-error-not-found');
    expect((err as IppError).message).toMatch(/client-error-not-found/);
  });

  it('names the socket error for a printer that is not listening', async () => {
    const port = await closedPort();
    const err = await printPdf(`ipp://127.0.0.1:${port}/printers/x`, new Uint8Array([1]), 'nobody').catch((e: unknown) => e);
    expect((err as IppError).reason).toBe('ECONNREFUSED');
  });

  it('gives up with reason timeout on a printer that takes the connection and never answers', async () => {
    const silent = net.createServer((s) => s.on('data', () => {}));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const err = await getPrinterAttributes(`ipp://127.0.0.1:${port}/printers/x`, { timeoutMs: 300 }).catch((e: unknown) => e);
      expect((err as IppError).reason).toBe('timeout');
    } finally {
      silent.close();
    }
  });
});
