import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../core/contract/certificates.js';
import { Icon } from '../../shared/Icon.js';

/**
 * What a verification found, said plainly: a large title in words and a tick or a cross (never colour
 * alone), then what the visitor can check against the paper.
 */
export function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const good = verdict.verdict === 'genuine';
  const c = verdict.certificate;
  const rows: [string, string | null][] = [
    ['name', c?.name ?? null],
    ['number', c?.number ?? null],
    ['holder', c?.holderName ?? null],
    ['issuer', c?.issuer ?? null],
    ['validity', c ? `${c.validFrom} – ${c.validUntil ?? t('kiosk.certificates.longTerm')}` : null],
    ['identifier', verdict.identifier],
    ['version', verdict.version === null ? null : String(verdict.version)],
    ['issuedOn', verdict.issuedOn],
  ];
  // A forged or unreadable payload's fields are not to be believed: none are shown.
  const shown = verdict.verdict === 'forged' || verdict.verdict === 'unreadable' || verdict.verdict === 'unknown_issuer' ? [] : rows.filter(([, v]) => v !== null);
  return (
    <div className={`verdict ${good ? 'good' : 'bad'} ${verdict.verdict}`} role="status" data-testid="verdict" data-verdict={verdict.verdict}>
      <div className="verdict-head">
        <Icon name={good ? 'ok' : 'bad'} size={96} />
        <div>
          <p className="verdict-title" data-testid="verdict-title">
            {t(`kiosk.certificates.verdict.${verdict.verdict}.title`)}
          </p>
          <p className="verdict-text" data-testid="verdict-text">
            {verdict.verdict === 'revoked' && verdict.revoked
              ? t('kiosk.certificates.verdict.revoked.text', { on: verdict.revoked.on, reason: verdict.revoked.reason })
              : verdict.verdict === 'superseded'
                ? t('kiosk.certificates.verdict.superseded.text', { by: verdict.supersededBy ?? '—' })
                : t(`kiosk.certificates.verdict.${verdict.verdict}.text`)}
          </p>
        </div>
      </div>
      {shown.length > 0 && (
        <dl className="verdict-fields">
          {shown.map(([key, value]) => (
            <div key={key} className={`verdict-field ${key}`}>
              <dt>{t(`kiosk.certificates.field.${key}`)}</dt>
              <dd data-testid={`verdict-${key}`}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
