import { useTranslation } from 'react-i18next';
import type { CertificateSummary as Summary } from './types.js';

/** Found certificates, one button each (Tab/Enter to open); no personal data in a line. */
export function CertificateList({ items, testid, onOpen }: { items: Summary[]; testid: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="cert-list" data-testid={testid}>
      {items.map((c) => (
        <li key={c.id}>
          <button type="button" className="cert-item" data-testid="cert-item" data-id={c.id} data-state={c.state} onClick={() => onOpen(c.id)}>
            <span className="cert-item-name">{c.name}</span>
            <span className="cert-item-holder">{c.holderName}</span>
            <span className="sub">
              {c.number} · {c.issuedOn} · {t(`counter.certificates.delivery.${c.delivery}`)}
            </span>
            <span className={`cert-state ${c.state}`}>{t(`counter.certificates.state.${c.state}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
