import { useTranslation } from 'react-i18next';
import { hallDateTime } from '../../../core/common/hall-time.js';
import { QrCode } from '../../shared/QrCode.js';
import { useHallZone } from '../../shared/hallZone.js';

/** The e-certificate's short-lived download link, as a QR the visitor scans with a phone, and until when it works. */
export function ElectronicLink({ link, onClose }: { link: { url: string; expiresAt: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useHallZone();
  return (
    <div className="cert-link" role="status" data-testid="cert-link">
      <h3>{t('counter.certificates.link.title')}</h3>
      <QrCode text={link.url} label={t('counter.certificates.link.qrLabel')} size={220} />
      <p data-testid="cert-link-expires">{t('counter.certificates.link.expires', { at: zone ? hallDateTime(link.expiresAt, zone) : link.expiresAt })}</p>
      <p className="cert-link-url" data-testid="cert-link-url">
        {link.url}
      </p>
      <button type="button" className="btn ghost" data-testid="cert-link-close" onClick={onClose}>
        {t('counter.certificates.link.close')}
      </button>
    </div>
  );
}
