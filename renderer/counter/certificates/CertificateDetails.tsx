import { useTranslation } from 'react-i18next';
import { hallDateTime } from '../../../core/common/hall-time.js';
import type { CertificateView } from './types.js';
import { useHallZone } from '../../shared/hallZone.js';


/** One certificate: the GB/T 36903 metadata, its state and delivery, then its hand-over, reprints and mail. */
export function CertificateDetails({ view }: { view: CertificateView }) {
  const { t } = useTranslation();
  const zone = useHallZone();
  const c = view.certificate;
  const when = (iso: string) => (zone ? hallDateTime(iso, zone) : iso);
  const rows: [string, string, string][] = [
    ['name', t('counter.certificates.field.name'), c.name],
    ['number', t('counter.certificates.field.number'), c.number],
    ['identifier', t('counter.certificates.field.identifier'), c.identifier],
    ['typeCode', t('counter.certificates.field.typeCode'), c.typeCode],
    ['issuer', t('counter.certificates.field.issuer'), c.issuer.name],
    ['issuedOn', t('counter.certificates.field.issuedOn'), c.issuedOn],
    ['holder', t('counter.certificates.field.holder'), c.holder.name],
    ['holderCode', t(`counter.certificates.codeType.${c.holder.codeType}`), c.holder.code],
    ['validity', t('counter.certificates.field.validity'), `${c.validFrom} – ${c.validUntil ?? t('counter.certificates.longTerm')}`],
    ['version', t('counter.certificates.field.version'), String(c.version)],
  ];
  return (
    <div className="cert-details" data-testid="cert-details" data-state={c.state}>
      <p className="cert-badges">
        <span className={`cert-state ${c.state}`} data-testid="cert-state">
          {t(`counter.certificates.state.${c.state}`)}
        </span>
        <span className="tag" data-testid="cert-delivery">
          {t(`counter.certificates.delivery.${c.delivery}`)}
        </span>
        <span className="tag">{t(`counter.certificates.medium.${view.medium}`)}</span>
        {view.selfService && <span className="tag">{t('counter.certificates.selfService')}</span>}
      </p>
      {c.revoked && (
        <p className="error-text" role="status" data-testid="cert-revoked">
          {t('counter.certificates.revokedNote', { on: c.revoked.on, reason: c.revoked.reason })}
        </p>
      )}
      {c.supersededBy && (
        <p className="error-text" role="status" data-testid="cert-superseded">
          {t('counter.certificates.supersededNote', { by: c.supersededBy })}
        </p>
      )}
      <dl className="cert-fields">
        {rows.map(([key, label, value]) => (
          <div key={key} className={`cert-field ${key}`}>
            <dt>{label}</dt>
            <dd data-testid={`cert-${key}`}>{value}</dd>
          </div>
        ))}
        {Object.entries(c.fields).map(([key, value]) => (
          <div key={key} className="cert-field own">
            <dt>{key}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
      </dl>

      <h3>{t('counter.certificates.history')}</h3>
      <ul className="cert-history" data-testid="cert-history">
        {view.handover ? (
          <li data-testid="cert-handover">
            {t(`counter.certificates.handedOverLine.${view.handover.channel}`, {
              at: when(view.handover.at),
              counter: view.handover.counter,
              clerk: view.handover.clerk ?? '—',
            })}
            <span className="sub">
              {t(`counter.certificates.kind.${view.handover.recipientKind}`)} · {view.handover.recipientName} · {t('counter.certificates.idLast4', { last4: view.handover.recipientId })}
              {view.handover.immediateSeconds !== null && <> · {t('counter.certificates.immediate', { time: t('counter.certificates.duration', { m: Math.floor(view.handover.immediateSeconds / 60), s: String(view.handover.immediateSeconds % 60).padStart(2, '0') }) })}</>}
            </span>
          </li>
        ) : (
          <li className="empty">{t('counter.certificates.notHandedOver')}</li>
        )}
        {view.reprints.map((r) => (
          <li key={r.at} data-testid="cert-reprint">
            {t('counter.certificates.reprintLine', { at: when(r.at), counter: r.counter, clerk: r.clerk ?? '—' })}
            <span className="sub">{r.reason}</span>
          </li>
        ))}
        {view.mail && (
          <li data-testid="cert-mail" data-state={view.mail.state}>
            {t('counter.certificates.mailLine', { waybill: view.mail.waybill, state: t(`counter.certificates.mailState.${view.mail.state}`) })}
            <span className="sub">
              {view.mail.recipient} · {view.mail.phone} · {view.mail.place}
              {view.mail.postedAt && <> · {t('counter.certificates.postedAt', { at: when(view.mail.postedAt) })}</>}
              {view.mail.deliveredAt && <> · {t('counter.certificates.deliveredAt', { at: when(view.mail.deliveredAt), signer: view.mail.signer ?? '—' })}</>}
            </span>
          </li>
        )}
      </ul>
    </div>
  );
}
