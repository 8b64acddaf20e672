import { AppError, OpinionProgress, type feedbackApi, type NewOpinion, type Slip } from '../../core/contract/index.js';
import type { z } from 'zod';
import type { Db } from '../../core/db/connection.js';
import { fileOpinion, findOpinion, localProgress, mayLookUp } from '../../core/opinions/repository.js';
import { slipCategory, slipLookupHint } from '../../core/opinions/slip-text.js';
import { normalizeTrackingCode, trackingQr } from '../../core/opinions/tracking-code.js';
import type { PrintWorker } from '../print/worker.js';
import type { ServerLink } from '../queue/server-link.js';

type Filed = z.infer<(typeof feedbackApi)['fileOpinion']['response']>;

/**
 * The kiosk's opinion box: filing works with no central server at all (the event waits in the
 * outbox); a progress lookup asks the server and falls back to what this terminal knows.
 */
export class OpinionBox {
  constructor(
    private readonly db: Db,
    private readonly link: ServerLink,
    private readonly printer: PrintWorker,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
   * An unknown code and wrong digits both answer NOT_FOUND, so a lookup never tells which part was
   * wrong. With the server unreachable, an opinion filed here is still shown as received.
   */
  async track(query: { code: string; last4?: string }): Promise<OpinionProgress> {
    const code = normalizeTrackingCode(query.code);
    if (!code) throw new AppError('NOT_FOUND');
    const local = findOpinion(this.db, code);
    if (local && !mayLookUp(local, query.last4)) throw new AppError('NOT_FOUND');
    const params = new URLSearchParams({ code });
    if (query.last4 && (!local || local.phoneLast4 !== null)) params.set('last4', query.last4);
    let progress: OpinionProgress | null = null;
    try {
      const answer = await this.link.call('GET', `/api/opinions/track?${params}`, undefined, (j) => OpinionProgress.safeParse(j));
      if (answer.ok && answer.value.success) progress = answer.value.data;
    } catch (err) {
      // The server has not received it yet (or does not know the route): this kiosk still does.
      if (local && err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION_FAILED')) return localProgress(local);
      throw err;
    }
    if (progress) return progress;
    if (local) return localProgress(local);
    throw new AppError('SERVER_UNREACHABLE');
  }
}
