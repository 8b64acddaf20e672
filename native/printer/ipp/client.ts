import http from 'node:http';
import https from 'node:https';
import { userInfo } from 'node:os';
import { attr, decode, encode, group, GROUP, OPERATION, TAG, type AttributeInput, type IppMessage } from './encoding.js';
import { isSuccess, jobStateName, printerStateName, statusName, type JobStateName, type PrinterStateName } from './names.js';

/**
 * A failed IPP exchange. `reason` is what the job table keeps: the printer's IPP status name
 * (client-error-not-found, server-error-not-accepting-jobs…), the socket's error code (ECONNREFUSED,
 * EHOSTUNREACH…), `timeout`, or `http-<status>` when the printer answered HTTP without IPP.
 */
export class IppError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'IppError';
  }
}

export interface IppOptions {
  /** The whole exchange, connect to last answer byte; default 10 s. */
  timeoutMs?: number;
  /** requesting-user-name; default the account running the terminal, as lp sends. */
  user?: string;
}

/**
 * The account name, as lp sends it. CUPS 2.4 takes an unknown name for Print-Job but crashes (segfault)
 * on a Cancel-Job from a requesting-user-name that is not a local account, so never invent one.
 */
function defaultUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'hall-terminal';
  }
}

export const DEFAULT_IPP_TIMEOUT_MS = 10_000;

/** ipp://host[:631]/printers/NAME is HTTP to port 631; ipps:// is HTTPS (RFC 7472). http(s):// pass as they are. */
export function httpUrl(printerUri: string): URL {
  let url: URL;
  try {
    url = new URL(printerUri);
  } catch {
    throw new IppError('client-error-uri-scheme-not-supported', `not a printer URI: "${printerUri}"`);
  }
  const scheme = { 'ipp:': 'http:', 'ipps:': 'https:', 'http:': 'http:', 'https:': 'https:' }[url.protocol];
  if (!scheme) throw new IppError('client-error-uri-scheme-not-supported', `A4_PRINTER must be ipp://, ipps://, http:// or https://, got "${printerUri}"`);
  const out = new URL(url.toString().replace(/^[a-z]+:/, scheme));
  if (!url.port && (url.protocol === 'ipp:' || url.protocol === 'ipps:')) out.port = '631';
  return out;
}

let nextRequestId = 1;

function operation(printerUri: string, user: string, extra: AttributeInput[] = []) {
  return group(GROUP.operation, [
    ['attributes-charset', TAG.charset, 'utf-8'],
    ['attributes-natural-language', TAG.naturalLanguage, 'en'],
    ['printer-uri', TAG.uri, printerUri],
    ['requesting-user-name', TAG.name, user],
    ...extra,
  ]);
}

/** POSTs one IPP request and decodes the answer; rejects with IppError on a socket error, a timeout or a non-success status. */
export function ippRequest(printerUri: string, request: IppMessage, opts: IppOptions = {}): Promise<IppMessage> {
  const url = httpUrl(printerUri);
  const body = encode(request);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_IPP_TIMEOUT_MS;
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<IppMessage>((resolve, reject) => {
    let settled = false;
    const finish = (err: IppError | null, answer?: IppMessage) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(answer!);
    };
    const timer = setTimeout(() => finish(new IppError('timeout', `no answer from the printer ${url.host} within ${timeoutMs} ms`)), timeoutMs);
    const req = lib.request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e: NodeJS.ErrnoException) => finish(new IppError(e.code ?? 'ECONNRESET', `printer ${url.host}: ${e.message}`)));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            finish(new IppError(`http-${res.statusCode}`, `printer ${url.host} answered HTTP ${res.statusCode} to an IPP request`));
            return;
          }
          let answer: IppMessage;
          try {
            answer = decode(Buffer.concat(chunks));
          } catch (e) {
            finish(new IppError('malformed-answer', `printer ${url.host}: ${(e as Error).message}`));
            return;
          }
          if (!isSuccess(answer.code)) {
            const said = attr(answer, GROUP.operation, 'status-message')?.[0];
            const name = statusName(answer.code);
            finish(new IppError(name, `printer ${url.host} refused the request: ${name}${typeof said === 'string' ? ` (${said})` : ''}`));
            return;
          }
          finish(null, answer);
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => finish(new IppError(e.code ?? 'ECONNRESET', `printer ${url.host}: ${e.message}`)));
    req.end(body);
  });
}

function message(code: number, groups: IppMessage['groups'], data: Uint8Array = new Uint8Array()): IppMessage {
  return { version: [2, 0], code, requestId: nextRequestId++, groups, data };
}

const strings = (v: unknown[] | undefined): string[] => (v ?? []).filter((x): x is string => typeof x === 'string');

export interface SubmittedJob {
  jobId: number;
  jobUri: string | null;
  state: JobStateName | 'unknown';
}

/** Print-Job with a PDF. Resolves once the printer has taken every byte and answered with the job's id. */
export async function printPdf(printerUri: string, pdf: Uint8Array, jobName: string, opts: IppOptions = {}): Promise<SubmittedJob> {
  const req = message(OPERATION.printJob, [
    operation(printerUri, opts.user ?? defaultUser(), [
      ['job-name', TAG.name, jobName],
      ['document-format', TAG.mimeMediaType, 'application/pdf'],
    ]),
  ], pdf);
  const answer = await ippRequest(printerUri, req, opts);
  const jobId = attr(answer, GROUP.job, 'job-id')?.[0];
  if (typeof jobId !== 'number') throw new IppError('malformed-answer', 'the printer accepted the job but named no job-id');
  const uri = attr(answer, GROUP.job, 'job-uri')?.[0];
  const state = attr(answer, GROUP.job, 'job-state')?.[0];
  return { jobId, jobUri: typeof uri === 'string' ? uri : null, state: typeof state === 'number' ? jobStateName(state) : 'unknown' };
}

export interface PrinterAttributes {
  state: PrinterStateName | 'unknown';
  reasons: string[];
  acceptingJobs: boolean | null;
}

export async function getPrinterAttributes(printerUri: string, opts: IppOptions = {}): Promise<PrinterAttributes> {
  const req = message(OPERATION.getPrinterAttributes, [
    operation(printerUri, opts.user ?? defaultUser(), [
      ['requested-attributes', TAG.keyword, ['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs']],
    ]),
  ]);
  const answer = await ippRequest(printerUri, req, opts);
  const state = attr(answer, GROUP.printer, 'printer-state')?.[0];
  const accepting = attr(answer, GROUP.printer, 'printer-is-accepting-jobs')?.[0];
  return {
    state: typeof state === 'number' ? printerStateName(state) : 'unknown',
    reasons: strings(attr(answer, GROUP.printer, 'printer-state-reasons')),
    acceptingJobs: typeof accepting === 'boolean' ? accepting : null,
  };
}

export interface JobAttributes {
  state: JobStateName | 'unknown';
  reasons: string[];
}

export async function getJobAttributes(printerUri: string, jobId: number, opts: IppOptions = {}): Promise<JobAttributes> {
  const req = message(OPERATION.getJobAttributes, [
    operation(printerUri, opts.user ?? defaultUser(), [
      ['job-id', TAG.integer, jobId],
      ['requested-attributes', TAG.keyword, ['job-state', 'job-state-reasons']],
    ]),
  ]);
  const answer = await ippRequest(printerUri, req, opts);
  const state = attr(answer, GROUP.job, 'job-state')?.[0];
  return { state: typeof state === 'number' ? jobStateName(state) : 'unknown', reasons: strings(attr(answer, GROUP.job, 'job-state-reasons')) };
}

/** Cancel-Job: a job the printer is holding (queue stopped) is withdrawn, so a retry does not print it twice. */
export async function cancelJob(printerUri: string, jobId: number, opts: IppOptions = {}): Promise<void> {
  const req = message(OPERATION.cancelJob, [operation(printerUri, opts.user ?? defaultUser(), [['job-id', TAG.integer, jobId]])]);
  await ippRequest(printerUri, req, opts);
}
