import { z } from 'zod';
import { creditCodeProblem, normalizeCreditCode } from '../../core/common/credit-code.js';
import { PICKUP_CODE_MISSES, PICKUP_MISSES, THIS_TERMINAL } from '../../core/common/guess-rules.js';
import { readPayload } from '../../core/common/certificate-payload.js';
import { readPickupQr } from '../../core/common/pickup-qr.js';
import type { Localized } from '../../core/contract/common.js';
import {
  AppError,
  PickupCode,
  type CertificateDoc,
  type CertificateTemplate,
  type Lang,
  type MailAddress,
  type MailState,
  type Recipient,
  type Verdict,
} from '../../core/contract/index.js';
import { handOver, printable } from '../../core/certificates/handover.js';
import { mailCertificate, recordMailState, reprintCertificate } from '../../core/certificates/records.js';
import { KIOSK_COUNTER } from '../../core/certificates/slip-text.js';
import {
  certificateByIdentifier,
  certificatesByHolderCode,
  certificatesByHolderName,
  certificatesByPickupCode,
  certificatesOfHolder,
  getCertificate,
} from '../../core/certificates/store.js';
import { certificateView, summaryOf } from '../../core/certificates/view.js';
import type { A4Job } from '../../core/contract/print.js';
import type { Db } from '../../core/db/connection.js';
import { toPrintJob, type PrintJobRecord } from '../../core/print/jobs.js';
import { getAppointment } from '../../core/queue/reference.js';
import { getTicket, ticketByNumber } from '../../core/queue/tickets.js';
import type { HallQueue } from '../queue/hall-queue.js';
import type { ServerLink } from '../queue/server-link.js';
import type { RatingDesk } from '../ratings/rating-desk.js';
import { TerminalAttempts } from '../security/attempts.js';
import { certificateProgress, type CertificateProgress } from './progress.js';
import { verifyOffline } from './verify-offline.js';

/** A clerk at a counter, as the staff routes know them. */
export interface DeskClerk {
  counterNo: number;
  name: string;
  number: string;
}

/** The certificate of this hall that a pickup code and the phone's last four prove, or null. */
export function provedCertificate(db: Db, hall: string, code: string, last4: string): CertificateDoc | null {
  return certificatesByPickupCode(db, hall, code).find((d) => d.phoneLast4 !== null && d.phoneLast4 === last4) ?? null;
}

const LinkAnswer = z.object({ url: z.string().url(), expiresAt: z.iso.datetime({ offset: true }) });
const PROOF_FAILED = () => new AppError('PICKUP_PROOF_FAILED');
const isProofFailure = (err: unknown) => err instanceof AppError && err.code === 'PICKUP_PROOF_FAILED';

/** The hall's certificates at this terminal: find, hand over, reprint, mail, kiosk self-print, verify, e-link. */
export class PickupDesk {
  private readonly attempts: TerminalAttempts;

  constructor(
    private readonly db: Db,
    private readonly q: HallQueue,
    private readonly link: ServerLink,
    private readonly ratings: RatingDesk,
    private readonly templates: (id: string) => CertificateTemplate | null,
  ) {
    this.attempts = new TerminalAttempts(db, () => this.q.now().getTime());
  }

  private template(doc: CertificateDoc): CertificateTemplate | null {
    return this.templates(doc.template);
  }

  private templateToPrint(doc: CertificateDoc): CertificateTemplate {
    const t = this.template(doc);
    if (!t) throw new AppError('CERTIFICATE_NOT_FOUND');
    return t;
  }

  /** Today's ticket (by number), a pickup code or its SMS QR, a scanned certificate QR, a credit code, or part of an enterprise's name. */
  find(q: string): CertificateDoc[] {
    const hall = this.q.hall();
    const text = q.trim();
    const mine = (docs: (CertificateDoc | null)[]) => docs.filter((d): d is CertificateDoc => d !== null && d.hall === hall);
    const payload = readPayload(text);
    if (payload) return mine([certificateByIdentifier(this.db, payload.identifier)]);
    const pickup = readPickupQr(text);
    if (pickup) return certificatesByPickupCode(this.db, hall, pickup.code);
    const upper = text.toUpperCase();
    if (PickupCode.safeParse(upper).success) {
      const found = certificatesByPickupCode(this.db, hall, upper);
      if (found.length) return found;
    }
    const code = normalizeCreditCode(text);
    if (/^[0-9A-Z]{18}$/.test(code)) {
      const found = certificatesByHolderCode(this.db, hall, code);
      if (found.length) return found;
      // Eighteen characters that fail the check are a mistyped credit code, not a name: say so.
      if (creditCodeProblem(code) !== null) throw new AppError('CREDIT_CODE_INVALID');
      return [];
    }
    const ticket = ticketByNumber(this.db, hall, upper, this.q.today());
    if (ticket) {
      const appt = ticket.appointmentId ? getAppointment(this.db, ticket.appointmentId) : null;
      const enterprise = appt?.enterprise ?? ticket.enterprise;
      return enterprise ? certificatesOfHolder(this.db, hall, enterprise, appt?.procedureCode ?? null) : [];
    }
    return [...text].length >= 2 ? certificatesByHolderName(this.db, hall, text) : [];
  }

  findSummaries(q: string) {
    return { certificates: this.find(q).map(summaryOf) };
  }

  private mineOrNone(id: string): CertificateDoc {
    const doc = getCertificate(this.db, id);
    if (!doc || doc.hall !== this.q.hall()) throw new AppError('CERTIFICATE_NOT_FOUND');
    return doc;
  }

  view(id: string) {
    const doc = this.mineOrNone(id);
    return certificateView(this.db, doc, this.template(doc));
  }

  private printed(doc: CertificateDoc, jobs: PrintJobRecord[], a4Job: A4Job | null) {
    return { view: certificateView(this.db, doc, this.template(doc)), jobs: jobs.map(toPrintJob), a4Job };
  }

  /** 马上办 starts at the ticket's check-in (or issue), else at its call. */
  private arrivedAt(ticketId: string | null): string | null {
    if (!ticketId) return null;
    const t = getTicket(this.db, ticketId);
    return t ? (t.issuedAt ?? t.calledAt) : null;
  }

  private matterOf(doc: CertificateDoc): Localized {
    const row = this.db.prepare('SELECT doc FROM procedures WHERE code = ? OR id = ?').get(doc.procedureId, doc.procedureId) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as { name: Localized }).name : { 'zh-CN': doc.name };
  }

  handOver(id: string, body: { recipient: Recipient; ticketId: string | null; lang: Lang }, clerk: DeskClerk) {
    const doc = this.mineOrNone(id);
    const template = this.templateToPrint(doc);
    const ticket = body.ticketId ? getTicket(this.db, body.ticketId) : null;
    if (body.ticketId && !ticket) throw new AppError('NOT_FOUND');
    const now = this.q.now();
    const done = handOver(this.db, {
      certificateId: doc.id,
      hall: this.q.hall(),
      channel: 'counter',
      recipient: body.recipient,
      counter: String(clerk.counterNo),
      clerk: { name: clerk.name, number: clerk.number },
      ticketId: body.ticketId,
      arrivedAt: this.arrivedAt(body.ticketId),
      lang: body.lang,
      template,
      timeZone: this.q.timeZone,
      now,
    });
    this.offerRating(done.doc, done.handoverId, ticket, clerk, now);
    return this.printed(done.doc, done.jobs, done.a4Job);
  }

  /** The visitor rates this matter on the counter's rating screen, as after any finished service. */
  private offerRating(doc: CertificateDoc, handoverId: string, ticket: ReturnType<typeof getTicket>, clerk: DeskClerk, now: Date): void {
    const lines = this.q.config().services;
    const service = ticket?.service ?? lines.find((s) => s.counters.includes(clerk.counterNo))?.code ?? lines[0]!.code;
    this.ratings.openFor(
      { serviceId: ticket?.id ?? handoverId, ticketNumber: ticket?.number ?? '—', service, matter: this.matterOf(doc), finishedAt: now.toISOString() },
      { name: clerk.name, number: clerk.number },
      clerk.counterNo,
    );
  }

  reprint(id: string, reason: string, lang: Lang, clerk: DeskClerk) {
    const doc = this.mineOrNone(id);
    const r = reprintCertificate(this.db, doc.id, reason, this.templateToPrint(doc), lang, this.caller(clerk));
    return this.printed(r.doc, r.jobs, r.a4Job);
  }

  private caller(clerk: DeskClerk) {
    return { hall: this.q.hall(), counter: String(clerk.counterNo), clerk: clerk.number, now: this.q.now() };
  }

  mail(id: string, address: z.input<typeof MailAddress>, lang: Lang, clerk: DeskClerk) {
    const doc = mailCertificate(this.db, this.mineOrNone(id).id, address, { ...this.caller(clerk), timeZone: this.q.timeZone, lang });
    return certificateView(this.db, doc, this.template(doc));
  }

  mailState(id: string, state: z.input<typeof MailState>, clerk: DeskClerk) {
    recordMailState(this.db, this.mineOrNone(id).id, state, this.caller(clerk));
    return this.view(id);
  }

  /**
   * A visitor prints a self-service certificate: the pickup code and the phone's last four digits (or
   * the SMS QR carrying both). An unknown code and wrong digits are one refusal, counted per kiosk and
   * per code. The kiosk has no ID reader: the hand-over records the holder as recipient and, as its ID,
   * a keyed hash of the phone's last four the visitor proved (idType 'other').
   */
  async kioskPrint(proof: { pickupCode: string; phoneLast4: string; lang: Lang } | { qr: string; lang: Lang }) {
    const scanned = 'qr' in proof ? readPickupQr(proof.qr) : null;
    const code = 'qr' in proof ? (scanned?.code ?? '-') : proof.pickupCode.trim().toUpperCase();
    const last4 = 'qr' in proof ? (scanned?.last4 ?? null) : proof.phoneLast4;
    return this.proved(code, last4, async (doc, last4) => {
        const template = this.template(doc);
        if (!template?.selfService || template.medium !== 'slip') throw new AppError('NOT_SELF_SERVICE');
        const done = handOver(this.db, {
          certificateId: doc.id,
          hall: this.q.hall(),
          channel: 'kiosk',
          recipient: { kind: 'self', name: doc.holder.name, idType: 'other', idNumber: last4, letterChecked: false },
          counter: KIOSK_COUNTER,
          clerk: null,
          ticketId: null,
          arrivedAt: null,
          lang: proof.lang,
          template,
          timeZone: this.q.timeZone,
          now: this.q.now(),
          idForHash: `phone:${last4}`,
          receipt: false,
        });
        return { name: done.doc.name, number: done.doc.number, jobs: done.jobs.map(toPrintJob) };
    });
  }

  /**
   * The kiosk's proof, for printing and for following a certificate alike: the certificate of this
   * hall with this pickup code and these phone digits. An unknown code and wrong digits are one
   * refusal, counted per kiosk and per code, whichever of the two the visitor was doing.
   */
  private proved<T>(code: string, last4: string | null, then: (doc: CertificateDoc, last4: string) => Promise<T> | T): Promise<T> {
    return this.attempts.guard(
      [
        { kind: 'certificate-pickup', key: THIS_TERMINAL, rule: PICKUP_MISSES },
        { kind: 'certificate-pickup-code', key: code, rule: PICKUP_CODE_MISSES },
      ],
      async () => {
        const doc = last4 ? provedCertificate(this.db, this.q.hall(), code, last4) : null;
        if (!doc || !last4) throw PROOF_FAILED();
        return then(doc, last4);
      },
      isProofFailure,
    );
  }

  /** A visitor follows their certificate at the kiosk's progress lookup, with the same proof as its self-print. */
  track(query: { code: string; last4: string }): Promise<CertificateProgress> {
    const scanned = readPickupQr(query.code);
    const code = scanned?.code ?? query.code.trim().toUpperCase();
    return this.proved(code, query.last4, (doc) => certificateProgress(this.db, doc, this.q.config(), this.q.timeZone));
  }

  /** Offline: the keys and certificates this terminal holds (core/common/certificate-verdict.ts). */
  verify(payload: string): Verdict {
    return verifyOffline(this.db, payload);
  }

  /** The central server makes the short-lived link; this terminal cannot. */
  async electronicLink(id: string, clerk: { serverToken: string | null }) {
    const doc = printable(this.db, this.mineOrNone(id).id, this.q.hall());
    return this.link.require('POST', `/api/sync/certificates/${doc.id}/link`, {}, (j) => LinkAnswer.parse(j), clerk.serverToken);
  }
}
