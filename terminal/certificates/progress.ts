import type { z } from 'zod';
import { hallMoment } from '../../core/common/hall-time.js';
import { PICKUP_LINE, type CertificateDoc, type CertificateProgress as Progress, type HallConfig } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';

export type CertificateProgress = z.infer<typeof Progress>;

/** An instant with the day and clock time the hall reads it at. */
const hallTime = (at: string, timeZone: string) => ({ at, ...hallMoment(at, timeZone) });

interface MailRow {
  waybill: string;
  state: 'recorded' | 'posted' | 'delivered';
  recorded_at: string;
  posted_at: string | null;
  delivered_at: string | null;
  signer_masked: string | null;
}

/** Where a ready certificate is collected: the pickup line, else the line that serves its procedure. */
function pickupOf(doc: CertificateDoc, config: HallConfig): CertificateProgress['pickup'] {
  const line = config.services.find((s) => s.code === PICKUP_LINE) ?? config.services.find((s) => s.procedures.includes(doc.procedureId));
  return line ? { line: line.code, lineName: line.name, counters: line.counters } : null;
}

/**
 * What the kiosk's progress lookup shows of one certificate: this terminal's own hand-over and mail
 * rows when it recorded them, else what the server's document says happened elsewhere.
 */
export function certificateProgress(db: Db, doc: CertificateDoc, config: HallConfig, timeZone: string): CertificateProgress {
  const h = db.prepare('SELECT at, channel, counter FROM certificate_handover WHERE certificate_id = ?').get(doc.id) as
    | { at: string; channel: 'counter' | 'kiosk'; counter: string }
    | undefined;
  const m = db
    .prepare('SELECT waybill, state, recorded_at, posted_at, delivered_at, signer_masked FROM certificate_mail WHERE certificate_id = ?')
    .get(doc.id) as MailRow | undefined;
  const mark = doc.handedOver;
  const handover = h ?? (mark && mark.channel !== 'mail' && mark.channel !== 'electronic' ? { at: mark.at, channel: mark.channel, counter: mark.counter } : null);
  const mail = m
    ? {
        waybill: m.waybill,
        state: m.state,
        recordedAt: hallTime(m.recorded_at, timeZone),
        postedAt: m.posted_at ? hallTime(m.posted_at, timeZone) : null,
        deliveredAt: m.delivered_at ? hallTime(m.delivered_at, timeZone) : null,
        signer: m.signer_masked,
      }
    : doc.mail
      ? {
          waybill: doc.mail.waybill,
          state: doc.mail.state,
          recordedAt: hallTime(doc.mail.recordedAt, timeZone),
          postedAt: doc.mail.postedAt ? hallTime(doc.mail.postedAt, timeZone) : null,
          deliveredAt: doc.mail.deliveredAt ? hallTime(doc.mail.deliveredAt, timeZone) : null,
          signer: doc.mail.signer,
        }
      : doc.state === 'mailed' || mark?.channel === 'mail'
        ? { waybill: null, state: 'recorded' as const, recordedAt: mark?.channel === 'mail' ? hallTime(mark.at, timeZone) : null, postedAt: null, deliveredAt: null, signer: null }
        : null;
  return {
    name: doc.name,
    number: doc.number,
    state: doc.state,
    delivery: doc.delivery,
    pickup: doc.state === 'ready' && doc.delivery !== 'mail' ? pickupOf(doc, config) : null,
    handover: handover ? { channel: handover.channel, counter: handover.counter, at: hallTime(handover.at, timeZone) } : null,
    mail,
    revoked: doc.revoked,
  };
}
