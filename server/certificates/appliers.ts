import type { Transaction } from 'kysely';
import { maskPersonName } from '../../core/common/mask-name.js';
import type { z } from 'zod';
import { CERTIFICATE_EVENTS, HandoverEvent, MailedEvent, MailStateEvent, ReprintEvent, ServerError, type CertificateDoc } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import { parsePayload, type ApplyContext, type EventApplier } from '../events/apply.js';
import { certificateById, updateDoc, type StoredCertificate } from './store.js';

type Tx = Transaction<ServerSchema>;

/** The certificate an event names, locked; a terminal acts for its own hall's certificates only. */
async function ofHall(tx: Tx, id: string, ctx: ApplyContext): Promise<StoredCertificate> {
  const found = await certificateById(tx, id, true);
  if (!found || found.doc.hall !== ctx.terminal.hall) throw new ServerError('CERTIFICATE_NOT_FOUND');
  return found;
}

/**
 * A hand-over is recorded once per certificate (the first to arrive); a later one, from another
 * counter that handed it over offline too, is kept as a conflict for supervision and changes nothing
 * else. The first sets the doc's hand-over mark, and its state unless revoked or reissued meanwhile,
 * and the hall's other counters learn it with the change.
 */
async function applyHandover(tx: Tx, h: HandoverEvent, ctx: ApplyContext): Promise<void> {
  const found = await ofHall(tx, h.certificateId, ctx);
  const seen = await tx.selectFrom('certificate_handovers').select('id').where('id', '=', h.id).executeTakeFirst();
  const seenConflict = await tx.selectFrom('certificate_handover_conflicts').select('id').where('id', '=', h.id).executeTakeFirst();
  if (seen || seenConflict) return;
  const first = await tx.selectFrom('certificate_handovers').select('id').where('certificate_id', '=', h.certificateId).executeTakeFirst();
  if (first) {
    await tx.insertInto('certificate_handover_conflicts').values({ id: h.id, certificate_id: h.certificateId, terminal_id: ctx.terminal.id, counter: h.counter, at: new Date(h.at) }).execute();
    return;
  }
  const immediate = h.arrivedAt === null ? null : Math.max(0, Math.round((Date.parse(h.at) - Date.parse(h.arrivedAt)) / 1000));
  await tx
    .insertInto('certificate_handovers')
    .values({
      id: h.id,
      certificate_id: h.certificateId,
      channel: h.channel,
      counter: h.counter,
      clerk: h.clerk,
      terminal_id: ctx.terminal.id,
      recipient_kind: h.recipientKind,
      recipient_name: h.recipientName,
      id_type: h.idType,
      id_hash: h.idHash,
      id_last4: h.idLast4,
      letter_checked: h.letterChecked,
      ticket_id: h.ticketId,
      arrived_at: h.arrivedAt === null ? null : new Date(h.arrivedAt),
      at: new Date(h.at),
      immediate_seconds: immediate,
    })
    .execute();
  const doc: CertificateDoc = {
    ...found.doc,
    state: found.doc.state === 'ready' || found.doc.state === 'mailed' ? 'handed_over' : found.doc.state,
    handedOver: { at: h.at, counter: h.counter, channel: h.channel },
  };
  await updateDoc(tx, doc, ctx.now);
}

async function applyReprint(tx: Tx, r: z.infer<typeof ReprintEvent>, ctx: ApplyContext): Promise<void> {
  await ofHall(tx, r.certificateId, ctx);
  await tx
    .insertInto('certificate_reprints')
    .values({ id: r.id, certificate_id: r.certificateId, reason: r.reason, counter: r.counter, clerk: r.clerk, terminal_id: ctx.terminal.id, at: new Date(r.at) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The waybill is recorded (a later one for the same certificate replaces it); a ready certificate becomes mailed. */
async function applyMailed(tx: Tx, m: z.infer<typeof MailedEvent>, ctx: ApplyContext): Promise<void> {
  const found = await ofHall(tx, m.certificateId, ctx);
  const row = { waybill: m.address.waybill, address: JSON.stringify(m.address), counter: m.counter, clerk: m.clerk, at: new Date(m.at), state: 'recorded', posted_at: null, delivered_at: null, signer: null };
  await tx
    .insertInto('certificate_mail')
    .values({ certificate_id: m.certificateId, ...row })
    .onConflict((oc) => oc.column('certificate_id').doUpdateSet(row).where('certificate_mail.waybill', '<>', m.address.waybill))
    .execute();
  const summary = found.doc.mail?.waybill === m.address.waybill ? found.doc.mail : { waybill: m.address.waybill, state: 'recorded' as const, recordedAt: m.at, postedAt: null, deliveredAt: null, signer: null };
  await updateDoc(tx, { ...found.doc, state: found.doc.state === 'ready' ? 'mailed' : found.doc.state, mail: summary }, ctx.now);
}

const MAIL_ORDER = ['recorded', 'posted', 'delivered'];

/** Posted, then delivered with who signed; a state never goes back (an older report arriving late). */
async function applyMailState(tx: Tx, s: z.infer<typeof MailStateEvent>, ctx: ApplyContext): Promise<void> {
  const found = await ofHall(tx, s.certificateId, ctx);
  const mail = await tx.selectFrom('certificate_mail').select(['state']).where('certificate_id', '=', s.certificateId).where('waybill', '=', s.waybill).forUpdate().executeTakeFirst();
  if (!mail) throw new ServerError('CERTIFICATE_NOT_FOUND');
  const at = new Date(s.mail.at);
  const dates = s.mail.state === 'posted' ? { posted_at: at } : { delivered_at: at, signer: s.mail.signer };
  const forward = MAIL_ORDER.indexOf(s.mail.state) > MAIL_ORDER.indexOf(mail.state);
  await tx
    .updateTable('certificate_mail')
    .set({ ...dates, ...(forward ? { state: s.mail.state } : {}) })
    .where('certificate_id', '=', s.certificateId)
    .execute();
  const before = found.doc.mail ?? { waybill: s.waybill, state: 'recorded' as const, recordedAt: s.mail.at, postedAt: null, deliveredAt: null, signer: null };
  const when = s.mail.state === 'posted' ? { postedAt: s.mail.at } : { deliveredAt: s.mail.at, signer: s.mail.signer === null ? null : maskPersonName(s.mail.signer) };
  await updateDoc(tx, { ...found.doc, mail: { ...before, ...when, state: forward ? s.mail.state : before.state } }, ctx.now);
}

/** The certificates' part of an event upload. Payloads are never logged: they hold names and ID hashes. */
export function certificateEventApplier(): EventApplier {
  return {
    types: Object.values(CERTIFICATE_EVENTS),
    async apply(tx, e, ctx) {
      switch (e.type) {
        case CERTIFICATE_EVENTS.handedOver:
          return applyHandover(tx, parsePayload(HandoverEvent, e.payload, 'a certificate hand-over'), ctx);
        case CERTIFICATE_EVENTS.reprinted:
          return applyReprint(tx, parsePayload(ReprintEvent, e.payload, 'a certificate reprint'), ctx);
        case CERTIFICATE_EVENTS.mailed:
          return applyMailed(tx, parsePayload(MailedEvent, e.payload, 'a mailed certificate'), ctx);
        case CERTIFICATE_EVENTS.mailState:
          return applyMailState(tx, parsePayload(MailStateEvent, e.payload, 'a mail state'), ctx);
      }
    },
  };
}
