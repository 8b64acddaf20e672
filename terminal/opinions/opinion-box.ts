import { AppError, OpinionProgress, type feedbackApi, type NewOpinion, type Slip } from '../../core/contract/index.js';
import type { z } from 'zod';
import type { Db } from '../../core/db/connection.js';
import { TRACK_CODE_MISSES, TRACK_MISSES, THIS_TERMINAL } from '../../core/common/guess-rules.js';
import { fileOpinion, findOpinion, localProgress, mayLookUp, type LocalOpinion } from '../../core/opinions/repository.js';
import { slipCategory, slipLookupHint } from '../../core/opinions/slip-text.js';
import { normalizeTrackingCode, trackingQr } from '../../core/opinions/tracking-code.js';
import type { PrintWorker } from '../print/worker.js';
import type { ServerLink } from '../queue/server-link.js';
import { TerminalAttempts } from '../security/attempts.js';

type Filed = z.infer<(typeof feedbackApi)['fileOpinion']['response']>;

/**
 * The kiosk's opinion box: filing works with no central server at all (the event waits in the
 * outbox); a progress lookup asks the server and falls back to what this terminal knows.
 */
export class OpinionBox {
  private readonly attempts: TerminalAttempts;
  readonly steps: TrackSteps;

  constructor(
    private readonly db: Db,
    private readonly link: ServerLink,
    private readonly printer: PrintWorker,
    private readonly now: () => Date = () => new Date(),
    wrap: (steps: TrackSteps) => TrackSteps = (steps) => steps,
    private readonly provesCertificate: (code: string, last4: string) => boolean = () => false,
  ) {
    this.attempts = new TerminalAttempts(db, () => this.now().getTime());
    this.steps = wrap({ findLocal: findOpinion, askServer: (code, last4) => this.askServer(code, last4) });
  }

  file(input: NewOpinion & { print: boolean }): Filed {
    const filed = fileOpinion(this.db, input, { now: this.now() });
    const slip: Slip = {
      kind: 'tracking',
      lang: input.lang,
      trackingCode: filed.trackingCode,
      category: slipCategory(input.lang, filed.kind, filed.prohibition),
      filedAt: filed.filedAt,
      lookupHint: slipLookupHint(input.lang, filed.phone !== null),
      qr: trackingQr(filed.trackingCode),
    };
    const printed = input.print ? this.printer.submit(slip) : { job: null, print: 'skipped' as const };
    return { trackingCode: filed.trackingCode, filedAt: filed.filedAt, print: printed.print, jobId: printed.job?.id ?? null, printer: this.printer.status() };
  }

  /**
   * Progress by code and digits. Every refusal takes one path: the local copy is read and the server
   * asked with the code and digits as typed, known code or not, and `decide` alone refuses, always
   * with NOT_FOUND (offline too: "unreachable" for an unknown code only would tell which codes this
   * kiosk holds). Refusals are counted per terminal and per code (core/common/guess-rules.ts): wrong
   * digits lock that code.
   */
  track(query: { code: string; last4?: string }): Promise<OpinionProgress> {
    const code = normalizeTrackingCode(query.code) ?? NO_CODE;
    // The kiosk's lookup asks here first for a certificate's pickup code too (8 characters, like an old
    // code): one the visitor proved with its digits is no guess, so it is neither counted here nor sent
    // to the server (which would count it against this kiosk) and goes on to the certificate lookup.
    const certificate = query.last4 !== undefined && !findOpinion(this.db, code) && this.provesCertificate(code.replace('-', ''), query.last4);
    if (certificate) return Promise.reject(new AppError('NOT_FOUND'));
    return this.attempts.guard(
      [
        { kind: 'track', key: THIS_TERMINAL, rule: TRACK_MISSES },
        { kind: 'track-code', key: code, rule: TRACK_CODE_MISSES },
      ],
      async () => {
        const local = this.steps.findLocal(this.db, code);
        const remote = await this.steps.askServer(code, query.last4);
        return decide(local, query.last4, remote);
      },
      isRefusal,
    );
  }

  private async askServer(code: string, last4: string | undefined): Promise<Remote> {
    const params = new URLSearchParams({ code, ...(last4 ? { last4 } : {}) });
    try {
      const answer = await this.link.call('GET', `/api/opinions/track?${params}`, undefined, (j) => OpinionProgress.safeParse(j));
      return answer.ok && answer.value.success ? { progress: answer.value.data } : { none: true };
    } catch (err) {
      // Not received there yet, or a server that does not know this code's form: the same as unknown.
      if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION_FAILED')) return { none: true };
      throw err;
    }
  }
}

/** The server's answer: its progress, or none (it refused, or could not be reached). */
export type Remote = { progress: OpinionProgress } | { none: true };

/** What one look-up reads, in order; a test wraps them to see that every refusal ran the same steps. */
export interface TrackSteps {
  findLocal: typeof findOpinion;
  askServer: (code: string, last4: string | undefined) => Promise<Remote>;
}

/** A normalised code can never equal this, so a malformed one takes the same path as any other. */
const NO_CODE = '-';
const isRefusal = (err: unknown) => err instanceof AppError && err.code === 'NOT_FOUND';

/** The one place a look-up is answered or refused. */
export function decide(local: LocalOpinion | null, last4: string | undefined, remote: Remote): OpinionProgress {
  const localOk = local !== null && mayLookUp(local, last4);
  if ('progress' in remote && (local === null || localOk)) return remote.progress;
  if (localOk) return localProgress(local);
  throw new AppError('NOT_FOUND');
}
