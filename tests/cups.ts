import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { getJobAttributes, getPrinterAttributes } from '../native/printer/ipp/client.js';

/**
 * The real cupsd with the cups-pdf queue that .ci/cups.sh sets up. A missing or stopped cupsd is a
 * failure, never a skip: the A4 printing is proven against the real thing or not at all.
 */
export const CUPS_QUEUE = process.env.CUPS_QUEUE ?? 'hall-a4';
export const CUPS_URI = `ipp://localhost:631/printers/${CUPS_QUEUE}`;
/** The queue tests stop and start again (cupsdisable), so the main one keeps printing for other suites. */
export const PAUSE_QUEUE = `${CUPS_QUEUE}-pause`;
export const PAUSE_URI = `ipp://localhost:631/printers/${PAUSE_QUEUE}`;

/** Where cups-pdf writes: CUPS_PDF_DIR, else the `Out` line of /etc/cups/cups-pdf.conf (made a fixed folder by .ci/cups.sh). */
export function cupsPdfDir(): string {
  if (process.env.CUPS_PDF_DIR) return process.env.CUPS_PDF_DIR;
  const conf = '/etc/cups/cups-pdf.conf';
  const out = existsSync(conf) ? /^Out\s+(.+)$/m.exec(readFileSync(conf, 'utf8'))?.[1]?.trim() : undefined;
  if (!out || out.includes('${')) throw new Error(`cups-pdf has no fixed output folder in ${conf} (Out ${out ?? 'missing'}): run .ci/cups.sh as root`);
  return out;
}

/** Checks that cupsd answers IPP for the queue and that it is idle and accepting; throws with what to do otherwise. */
export async function requireCups(uri = CUPS_URI): Promise<{ uri: string; outDir: string }> {
  const fix = 'run .ci/cups.sh as root (installs nothing; starts cupsd and adds the cups-pdf queues)';
  const printer = await getPrinterAttributes(uri, { timeoutMs: 3_000 }).catch((err: Error & { reason?: string }) => {
    throw new Error(`CUPS is not serving ${uri} (${err.reason ?? err.message}): ${fix}`);
  });
  if (printer.state === 'stopped' || printer.acceptingJobs === false) {
    throw new Error(`CUPS queue ${uri} is ${printer.state}${printer.acceptingJobs === false ? ' and rejecting jobs' : ''}: ${fix}`);
  }
  return { uri, outDir: cupsPdfDir() };
}

/** Stops (cupsdisable: jobs are held) or starts again (cupsenable) a CUPS queue. */
export function setQueueStopped(queue: string, stopped: boolean): void {
  execFileSync(stopped ? 'cupsdisable' : 'cupsenable', [queue]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The PDF cups-pdf wrote for a CUPS job id (named `<title>-job_<id>.pdf`), once the job has completed
 * and the file is there; a bounded poll (default 20 s) that fails naming the job's last state.
 */
export async function cupsOutput(jobId: number, { uri = CUPS_URI, timeoutMs = 20_000 } = {}): Promise<string> {
  const dir = cupsPdfDir();
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    const job = await getJobAttributes(uri, jobId, { timeoutMs: 3_000 });
    last = `${job.state} (${job.reasons.join(', ')})`;
    if (job.state === 'completed') {
      const file = cupsFileOf(jobId);
      if (file) return file;
    } else if (job.state === 'aborted' || job.state === 'canceled') {
      throw new Error(`CUPS job ${jobId} ended ${last}`);
    }
    if (Date.now() > deadline) throw new Error(`CUPS job ${jobId} wrote no PDF to ${dir} within ${timeoutMs} ms; last state ${last}`);
    await sleep(100);
  }
}

/** The PDF cups-pdf wrote for this CUPS job, if any (no waiting). */
export function cupsFileOf(jobId: number): string | null {
  const dir = cupsPdfDir();
  const name = readdirSync(dir).find((f) => f.endsWith(`-job_${jobId}.pdf`));
  return name ? join(dir, name) : null;
}

/** The text of a PDF as poppler's pdftotext reads it (layout kept, so a line stays a line). */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** A small real A4 PDF with these lines in a CJK font, made with pdfkit: the tests' stand-in for a certificate's render. */
export function samplePdf(lines: string[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: lines[0] ?? 'test' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font(CJK_FONT, 'NotoSansCJKsc-Regular').fontSize(16);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}
