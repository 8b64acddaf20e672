import { useTranslation } from 'react-i18next';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { kioskPath } from '../routes.js';
import './certificates.css';

/** The home screen's certificate entries: print my certificate (pickup code) and verify a certificate (scan); laid out in the feedback entries' grid (home.css). */
export function CertificateEntries() {
  const { t } = useTranslation();
  return (
    <>
      <Link to={kioskPath.certificatePrint()} className="cert-entry" data-testid="home-cert-print">
        <span className="cert-entry-mark" aria-hidden="true">
          <Icon name="certificate" size={36} />
        </span>
        <span className="cert-entry-title">{t('kiosk.certificates.homePrintTitle')}</span>
      </Link>
      <Link to={kioskPath.certificateVerify()} className="cert-entry" data-testid="home-cert-verify">
        <span className="cert-entry-mark" aria-hidden="true">
          <Icon name="verify" size={36} />
        </span>
        <span className="cert-entry-title">{t('kiosk.certificates.homeVerifyTitle')}</span>
      </Link>
    </>
  );
}
