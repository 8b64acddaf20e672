import { AppError, RatingInput, type HallConfig, type HolderProof, type Localized, type RatingPrompt, type ScreenMessage, type Ticket, type TicketProof } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { appendRating, isRated } from '../../core/ratings/chain.js';
import { deletePrompt, openPrompts, promptByService, promptsOfCounter, putPrompt } from '../../core/ratings/prompts.js';
import { staffNameByNumber } from '../../core/ratings/staff.js';
import { getTicket } from '../../core/queue/tickets.js';
import type { TicketHolder } from './ticket-holder.js';

/** What the rating desk needs of the hall queue (HallQueue fits): the database, the hall's clock and lines. */
export interface RatingHost {
  readonly db: Db;
  now(): Date;
  today(): string;
  hall(): string;
  config(): HallConfig;
}

export type Schedule = (delayMs: number, run: () => void) => () => void;

export interface RatingDeskOptions {
  /** How long the rating screen waits for the visitor before the service counts as not rated. */
  ratingSeconds: number;
  /** Runs `run` after `delayMs`; returns a cancel. Tests pass their own and fire it themselves. */
  schedule?: Schedule;
  /** Proves a kiosk rater holds the ticket; without it, rating by ticket is refused. */
  holder?: TicketHolder;
}

const timer: Schedule = (delayMs, run) => {
  const t = setTimeout(run, Math.min(delayMs, 2 ** 31 - 1));
  t.unref();
  return () => clearTimeout(t);
};

const clean = (r: RatingInput) => ({ level: r.level, reasons: r.reasons, comment: r.comment?.trim() || null });

/**
 * 好差评 on this terminal: the prompt a counter's finish opens on its rating screen, the visitor's
 * rating (once per service), "not rated" when the visitor walks away, and rating by ticket at the kiosk.
 */
export class RatingDesk {
  private cancelTimer: (() => void) | null = null;
  private readonly schedule: Schedule;

  constructor(
    private readonly host: RatingHost,
    private readonly screens: { send(msg: ScreenMessage): void },
    private readonly opts: RatingDeskOptions,
  ) {
    this.schedule = opts.schedule ?? timer;
  }

  private get db(): Db {
    return this.host.db;
  }

  /** Records prompts that lapsed while the service was down, then waits for the next to lapse. */
  start(): void {
    this.expireDue();
    this.reschedule();
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private matter(service: string): Localized {
    try {
      return this.host.config().services.find((x) => x.code === service)?.name ?? { 'zh-CN': service };
    } catch {
      return { 'zh-CN': service };
    }
  }

  /** A counter finished `ticket`: its rating screen asks about it; an older prompt there counts as not rated. */
  open(ticket: Ticket, clerk: { name: string; number: string }, counterNo: number): RatingPrompt | null {
    const finishedAt = ticket.finishedAt ?? this.host.now().toISOString();
    return this.openFor({ serviceId: ticket.id, ticketNumber: ticket.number, service: ticket.service, matter: this.matter(ticket.service), finishedAt }, clerk, counterNo);
  }

  /**
   * A counter served one matter (a finished ticket, a certificate handed over): its rating screen asks
   * about it; an older prompt there counts as not rated. Null when the service was rated already.
   */
  openFor(
    service: { serviceId: string; ticketNumber: string; service: string; matter: Localized; finishedAt: string },
    clerk: { name: string; number: string },
    counterNo: number,
  ): RatingPrompt | null {
    if (isRated(this.db, service.serviceId)) return null;
    // Already asked about (a certificate handed over, then its ticket finished): one service, one prompt.
    const asked = promptByService(this.db, service.serviceId);
    if (asked) return asked;
    const now = this.host.now();
    const prompt: RatingPrompt = {
      ...service,
      counterNo,
      clerkName: clerk.name,
      clerkNumber: clerk.number,
      expiresAt: new Date(Date.parse(service.finishedAt) + this.opts.ratingSeconds * 1000).toISOString(),
    };
    this.db.transaction(() => {
      for (const old of promptsOfCounter(this.db, counterNo)) this.recordNotRated(old, now.toISOString());
      deletePrompt(this.db, prompt.serviceId);
      putPrompt(this.db, prompt);
    })();
    this.changed();
    return prompt;
  }

  /** The prompt this terminal's rating screen shows: the latest finish still waiting (a counter PC has one counter). */
  current(): RatingPrompt | null {
    this.expireDue();
    const open = openPrompts(this.db);
    return open.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0] ?? null;
  }

  submit(serviceId: string, input: RatingInput): void {
    const rating = clean(RatingInput.parse(input));
    this.db.transaction(() => {
      const p = promptByService(this.db, serviceId);
      if (!p) throw new AppError(isRated(this.db, serviceId) ? 'ALREADY_RATED' : 'NOT_FOUND');
      appendRating(this.db, { ...this.fieldsOf(p), ...rating, channel: 'counter', recordedAt: this.host.now().toISOString() });
      deletePrompt(this.db, serviceId);
    })();
    this.changed();
  }

  /** Today's finished service of a ticket whose holder proved it (slip QR, or number and rating code), for rating at the kiosk. */
  async byTicket(proof: TicketProof): Promise<RatingPrompt & { holderProof: HolderProof }> {
    if (!this.opts.holder) throw new AppError('TICKET_PROOF_FAILED');
    // Only once the proof holds is anything said about the ticket.
    const { ticket: proven, holderProof } = await this.opts.holder.prove(proof, this.host.hall(), this.host.today());
    // The newer of what the proof returned and what this terminal's replica holds now.
    const mine = getTicket(this.db, proven.id);
    const t = mine && (mine.finishedAt ?? '') >= (proven.finishedAt ?? '') ? mine : proven;
    if (t.state === 'not-served') throw new AppError('NOT_SERVED');
    if (t.state !== 'done' || t.counterNo === null) throw new AppError('NOT_FOUND');
    if (isRated(this.db, t.id)) throw new AppError('ALREADY_RATED');
    const clerkNumber = t.calledBy ?? '';
    const now = this.host.now();
    return {
      serviceId: t.id,
      ticketNumber: t.number,
      counterNo: t.counterNo,
      clerkName: clerkNumber ? (staffNameByNumber(this.db, clerkNumber) ?? '') : '',
      clerkNumber,
      service: t.service,
      matter: this.matter(t.service),
      finishedAt: t.finishedAt ?? now.toISOString(),
      expiresAt: new Date(now.getTime() + this.opts.ratingSeconds * 1000).toISOString(),
      holderProof,
    };
  }

  async rateByTicket(proof: TicketProof, input: RatingInput): Promise<void> {
    const rating = clean(RatingInput.parse(input));
    const { holderProof, ...p } = await this.byTicket(proof);
    this.db.transaction(() => {
      appendRating(this.db, { ...this.fieldsOf(p), ...rating, channel: 'kiosk', holderProof, recordedAt: this.host.now().toISOString() });
      // The same terminal may still show it on a rating screen: that prompt is answered now.
      deletePrompt(this.db, p.serviceId);
    })();
    this.changed();
  }

  /** Records every prompt that lapsed by `at` as not rated (never as a default good rating). */
  expireDue(at: Date = this.host.now()): number {
    const due = openPrompts(this.db).filter((p) => Date.parse(p.expiresAt) <= at.getTime());
    if (due.length === 0) return 0;
    this.db.transaction(() => due.forEach((p) => this.recordNotRated(p, p.expiresAt)))();
    this.changed();
    return due.length;
  }

  private recordNotRated(p: RatingPrompt, recordedAt: string): void {
    if (!isRated(this.db, p.serviceId)) appendRating(this.db, { ...this.fieldsOf(p), level: null, reasons: [], comment: null, channel: 'counter', recordedAt });
    deletePrompt(this.db, p.serviceId);
  }

  private fieldsOf(p: RatingPrompt) {
    return { serviceId: p.serviceId, ticketNumber: p.ticketNumber, counterNo: p.counterNo, clerkNumber: p.clerkNumber, service: p.service, matter: p.matter['zh-CN'] };
  }

  private changed(): void {
    this.screens.send({ type: 'rating' });
    this.reschedule();
  }

  private reschedule(): void {
    this.stop();
    const next = openPrompts(this.db)[0];
    if (!next) return;
    const delay = Math.max(0, Date.parse(next.expiresAt) - this.host.now().getTime());
    this.cancelTimer = this.schedule(delay, () => {
      this.cancelTimer = null;
      this.expireDue();
      this.reschedule();
    });
  }
}
