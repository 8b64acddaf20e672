import { ulid } from 'ulid';
import type { z } from 'zod';
import { maskPersonName, maskPhone } from '../common/mask-name.js';
import { AppError, CERTIFICATE_EVENTS, MailAddress, MailState, type CertificateDoc, type CertificateTemplate, type Lang } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { appendEvent } from '../outbox/outbox.js';
import { printCertificate, printable } from './handover.js';
import { counterLabel, hallTimeText } from './slip-text.js';
import { writeDoc } from './store.js';

/** Reprints (补打) and mail (EMS) of a certificate, each logged here and uploaded as its own event. */

export interface DeskCaller {
  hall: string;
  counter: string;
  clerk: string | null;
  now: Date;
}

/**
 * Prints a certificate again with its reason: the log row, the ReprintEvent and the print job commit
 * together; the print carries the reprint mark. A revoked or superseded one is refused.
 */
export function reprintCertificate(db: Db, id: string, reason: string, template: CertificateTemplate, lang: Lang, by: DeskCaller) {
  const text = reason.trim();
  if (text.length < 2) throw new AppError('VALIDATION_FAILED');
  const at = by.now.toISOString();
  return db.transaction(() => {
    const doc = printable(db, id, by.hall);
    const event = { id: ulid(by.now.getTime()), certificateId: doc.id, reason: text, counter: by.counter, clerk: by.clerk, at };
    db.prepare('INSERT INTO certificate_reprint (id, certificate_id, reason, counter, clerk, at) VALUES (?, ?, ?, ?, ?, ?)').run(event.id, doc.id, text, by.counter, by.clerk, at);
    appendEvent(db, CERTIFICATE_EVENTS.reprinted, event, by.now);
    return { doc, ...printCertificate(db, doc, template, lang, { reason: text, at }, by.now) };
  })();
}

/**
 * Records the EMS waybill. Only a certificate still waiting (or mailed, to correct a waybill not yet
 * posted) may be mailed; one handed over at a counter is refused with that hand-over.
 */
export function mailCertificate(db: Db, id: string, input: z.input<typeof MailAddress>, by: DeskCaller & { timeZone: string; lang: Lang }): CertificateDoc {
  const address = MailAddress.parse(input);
  return db.transaction(() => {
    const doc = printable(db, id, by.hall);
    const mail = db.prepare('SELECT state FROM certificate_mail WHERE certificate_id = ?').get(id) as { state: string } | undefined;
    const refuse = (m: NonNullable<CertificateDoc['handedOver']>) =>
      new AppError('ALREADY_HANDED_OVER', { at: hallTimeText(m.at, by.timeZone), counter: counterLabel(m.counter, by.lang) });
    if (doc.handedOver && doc.handedOver.channel !== 'mail') throw refuse(doc.handedOver);
    // A waybill may be corrected until the letter is posted.
    if (mail && mail.state !== 'recorded' && doc.handedOver) throw refuse(doc.handedOver);
    const at = by.now.toISOString();
    db.prepare(
      `INSERT INTO certificate_mail (certificate_id, waybill, recipient_masked, phone_masked, place, state, counter, recorded_at) VALUES (?, ?, ?, ?, ?, 'recorded', ?, ?)
       ON CONFLICT (certificate_id) DO UPDATE SET waybill = excluded.waybill, recipient_masked = excluded.recipient_masked, phone_masked = excluded.phone_masked,
         place = excluded.place, counter = excluded.counter, recorded_at = excluded.recorded_at`,
    ).run(id, address.waybill, maskPersonName(address.recipient), maskPhone(address.phone), `${address.province} ${address.city} ${address.county}`, by.counter, at);
    appendEvent(db, CERTIFICATE_EVENTS.mailed, { id: ulid(by.now.getTime()), certificateId: id, address, counter: by.counter, clerk: by.clerk, at }, by.now);
    const mailed: CertificateDoc = { ...doc, state: 'mailed', handedOver: { at, counter: by.counter, channel: 'mail' } };
    writeDoc(db, mailed);
    return mailed;
  })();
}

/** Posted, then delivered (with who signed): each state once, in that order. */
export function recordMailState(db: Db, id: string, input: z.input<typeof MailState>, by: DeskCaller): void {
  const state = MailState.parse(input);
  db.transaction(() => {
    const mail = db.prepare('SELECT waybill, state FROM certificate_mail WHERE certificate_id = ?').get(id) as { waybill: string; state: string } | undefined;
    const doc = db.prepare('SELECT hall FROM certificate WHERE id = ?').get(id) as { hall: string } | undefined;
    if (!doc || doc.hall !== by.hall || !mail) throw new AppError('CERTIFICATE_NOT_FOUND');
    const allowed = state.state === 'posted' ? mail.state === 'recorded' : mail.state !== 'delivered';
    if (!allowed) throw new AppError('VALIDATION_FAILED');
    if (state.state === 'posted') db.prepare("UPDATE certificate_mail SET state = 'posted', posted_at = ? WHERE certificate_id = ?").run(state.at, id);
    else
      db.prepare("UPDATE certificate_mail SET state = 'delivered', delivered_at = ?, signer_masked = ? WHERE certificate_id = ?").run(
        state.at,
        state.signer ? maskPersonName(state.signer) : null,
        id,
      );
    appendEvent(db, CERTIFICATE_EVENTS.mailState, { id: ulid(by.now.getTime()), certificateId: id, waybill: mail.waybill, mail: state }, by.now);
  })();
}
