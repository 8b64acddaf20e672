import type { z } from 'zod';
import { maskPersonName } from '../common/mask-name.js';
import type { CertificateDoc, CertificateSummary, CertificateTemplate, CertificateView } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** What screens see of a certificate: no QR text, no phone digits, names and IDs masked. */

export function summaryOf(doc: CertificateDoc): z.infer<typeof CertificateSummary> {
  return { id: doc.id, name: doc.name, number: doc.number, holderName: doc.holder.name, state: doc.state, delivery: doc.delivery, issuedOn: doc.issuedOn };
}

interface HandoverRow {
  at: string;
  channel: 'counter' | 'kiosk';
  counter: string;
  clerk: string | null;
  recipient_kind: 'self' | 'proxy';
  recipient_name: string | null;
  id_last4: string | null;
  arrived_at: string | null;
}

interface MailRow {
  waybill: string;
  recipient_masked: string;
  phone_masked: string;
  place: string;
  state: 'recorded' | 'posted' | 'delivered';
  posted_at: string | null;
  delivered_at: string | null;
  signer_masked: string | null;
}

/** 马上办 time: whole seconds from arrival to hand-over, never negative. */
const immediateSeconds = (arrivedAt: string | null, at: string) => (arrivedAt ? Math.max(0, Math.round((Date.parse(at) - Date.parse(arrivedAt)) / 1000)) : null);

export function certificateView(db: Db, doc: CertificateDoc, template: CertificateTemplate | null): z.infer<typeof CertificateView> {
  const { qr: _qr, phoneLast4: _last4, ...certificate } = doc;
  const h = db.prepare('SELECT * FROM certificate_handover WHERE certificate_id = ?').get(doc.id) as HandoverRow | undefined;
  const m = db.prepare('SELECT * FROM certificate_mail WHERE certificate_id = ?').get(doc.id) as MailRow | undefined;
  const reprints = db.prepare('SELECT at, reason, counter, clerk FROM certificate_reprint WHERE certificate_id = ? ORDER BY at, id').all(doc.id) as {
    at: string;
    reason: string;
    counter: string;
    clerk: string | null;
  }[];
  return {
    certificate,
    medium: template?.medium ?? 'a4',
    selfService: template?.selfService ?? false,
    handover: h
      ? {
          at: h.at,
          channel: h.channel,
          counter: h.counter,
          clerk: h.clerk,
          recipientKind: h.recipient_kind,
          // After retention the name and the last four are gone: only the fact of the hand-over stays.
          recipientName: h.recipient_name ? maskPersonName(h.recipient_name) : '—',
          recipientId: h.id_last4 ? `****${h.id_last4}` : '—',
          immediateSeconds: immediateSeconds(h.arrived_at, h.at),
        }
      : null,
    reprints,
    mail: m
      ? {
          waybill: m.waybill,
          recipient: m.recipient_masked,
          phone: m.phone_masked,
          place: m.place,
          state: m.state,
          postedAt: m.posted_at,
          deliveredAt: m.delivered_at,
          signer: m.signer_masked,
        }
      : null,
  };
}
