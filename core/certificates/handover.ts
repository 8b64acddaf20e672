import { createHmac, randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { idLast4, normalizeResidentId, residentIdProblem } from '../common/resident-id.js';
import { AppError, CERTIFICATE_EVENTS, type CertificateDoc, type CertificateTemplate, type HandoverEvent, type Lang, type Recipient } from '../contract/index.js';
import type { A4Job } from '../contract/print.js';
import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/meta.js';
import { appendEvent } from '../outbox/outbox.js';
import { enqueueA4Job } from '../print/a4-jobs.js';
import { enqueue, type PrintJobRecord } from '../print/jobs.js';
import { certificateSlipOf, handoverReceiptOf } from '../documents/certificate-slip.js';
import { counterLabel, hallTimeText } from './slip-text.js';
import { getCertificate, writeDoc } from './store.js';

const SECRET_KEY = 'certificate_id_secret';

/** The per-terminal key under which recipients' ID numbers are hashed; made on first use, kept in meta. */
function idSecret(db: Db): Buffer {
  let hex = getMeta(db, SECRET_KEY);
  if (!hex) {
    hex = randomBytes(32).toString('hex');
    setMeta(db, SECRET_KEY, hex);
  }
  return Buffer.from(hex, 'hex');
}

/** HMAC-SHA256 of an ID number under this terminal's key: the number itself is never stored. */
export const idHash = (db: Db, idNumber: string) => createHmac('sha256', idSecret(db)).update(idNumber).digest('hex');

/** The certificate, or why it cannot be handed over or printed now. */
export function printable(db: Db, id: string, hall: string): CertificateDoc {
  const doc = getCertificate(db, id);
  if (!doc || doc.hall !== hall) throw new AppError('CERTIFICATE_NOT_FOUND');
  if (doc.revoked || doc.state === 'revoked') throw new AppError('CERTIFICATE_REVOKED', { on: doc.revoked?.on ?? '', reason: doc.revoked?.reason ?? '' });
  if (doc.supersededBy || doc.state === 'superseded') throw new AppError('CERTIFICATE_SUPERSEDED');
  return doc;
}

function refuseIfHandedOver(doc: CertificateDoc, lang: Lang, timeZone: string): void {
  const mark = doc.handedOver;
  if (mark) throw new AppError('ALREADY_HANDED_OVER', { at: hallTimeText(mark.at, timeZone), counter: counterLabel(mark.counter, lang) });
}

/** A recipient's ID, checked: GB 11643 for a resident ID card; otherwise as typed, without spaces. */
export function checkedId(r: Pick<Recipient, 'idType' | 'idNumber'>): string {
  const id = normalizeResidentId(r.idNumber);
  if (r.idType === 'resident' && residentIdProblem(id) !== null) throw new AppError('ID_NUMBER_INVALID');
  return id;
}

export interface HandoverRequest {
  certificateId: string;
  hall: string;
  channel: 'counter' | 'kiosk';
  recipient: Recipient;
  /** A counter number ('6'), or KIOSK_COUNTER. */
  counter: string;
  clerk: { name: string; number: string } | null;
  ticketId: string | null;
  arrivedAt: string | null;
  lang: Lang;
  template: CertificateTemplate;
  timeZone: string;
  now: Date;
  /**
   * The ID as it is to be hashed. Default: the recipient's number, checked. The kiosk, which has no ID
   * reader, passes the phone's last four digits it was proven with (and says so: idType 'other').
   */
  idForHash?: string;
  /** The hand-over receipt (领证回执) for the visitor to sign; the kiosk, with no one to sign for, prints none. */
  receipt?: boolean;
}

export interface HandoverResult {
  doc: CertificateDoc;
  handoverId: string;
  jobs: PrintJobRecord[];
  a4Job: A4Job | null;
}

/**
 * Hands a certificate over: the hand-over row, the certificate's new state, the outbox event and every
 * print job commit together, or nothing does (a print that cannot be queued, e.g. no A4 printer,
 * leaves no hand-over behind). Refusals (revoked, superseded, already handed over, a bad resident ID,
 * a proxy without the checked letter) change nothing.
 */
export function handOver(db: Db, req: HandoverRequest): HandoverResult {
  const { recipient, lang, now } = req;
  const doc0 = printable(db, req.certificateId, req.hall);
  refuseIfHandedOver(doc0, lang, req.timeZone);
  const id = req.idForHash ?? checkedId(recipient);
  if (recipient.kind === 'proxy' && !recipient.letterChecked) throw new AppError('LETTER_NOT_CHECKED');
  const at = now.toISOString();
  return db.transaction((): HandoverResult => {
    // Read again inside the write: two counters pressing at once cannot both hand it over.
    const doc = printable(db, req.certificateId, req.hall);
    refuseIfHandedOver(doc, lang, req.timeZone);
    const handoverId = ulid(now.getTime());
    const event: HandoverEvent = {
      id: handoverId,
      certificateId: doc.id,
      identifier: doc.identifier,
      channel: req.channel,
      recipientKind: recipient.kind,
      recipientName: recipient.name,
      idType: recipient.idType,
      idHash: idHash(db, id),
      idLast4: idLast4(id),
      letterChecked: recipient.kind === 'proxy' ? recipient.letterChecked : false,
      counter: req.counter,
      clerk: req.clerk?.number ?? null,
      ticketId: req.ticketId,
      arrivedAt: req.arrivedAt,
      at,
    };
    db.prepare(
      `INSERT INTO certificate_handover (id, certificate_id, channel, recipient_kind, recipient_name, id_type, id_hash, id_last4, letter_checked, counter, clerk, ticket_id, arrived_at, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(handoverId, doc.id, event.channel, event.recipientKind, event.recipientName, event.idType, event.idHash, event.idLast4, event.letterChecked ? 1 : 0, event.counter, event.clerk, event.ticketId, event.arrivedAt, at);
    const handed: CertificateDoc = { ...doc, state: 'handed_over', handedOver: { at, counter: req.counter, channel: req.channel } };
    writeDoc(db, handed);
    appendEvent(db, CERTIFICATE_EVENTS.handedOver, event, now);
    const printed = printCertificate(db, handed, req.template, lang, null, now);
    const receipt =
      req.receipt === false
        ? []
        : [
            enqueue(
              db,
              handoverReceiptOf(handed, { recipientKind: recipient.kind, recipientName: recipient.name, idLast4: event.idLast4, counter: counterLabel(req.counter, lang), clerk: req.clerk?.number ?? '—', at }, lang),
              now,
            ),
          ];
    return { doc: handed, handoverId, jobs: [...printed.jobs, ...receipt], a4Job: printed.a4Job };
  })();
}

/** Queues the certificate itself: a slip template on the slip printer, an A4 one on the A4 printer. */
export function printCertificate(
  db: Db,
  doc: CertificateDoc,
  template: CertificateTemplate,
  lang: Lang,
  reprint: { reason: string; at: string } | null,
  now: Date,
): { jobs: PrintJobRecord[]; a4Job: A4Job | null } {
  if (template.medium === 'slip') return { jobs: [enqueue(db, certificateSlipOf(doc, template, lang, reprint, now), now)], a4Job: null };
  return { jobs: [], a4Job: enqueueA4Job(db, { kind: 'certificate', certificateId: doc.id, lang, reprint }, now) };
}
