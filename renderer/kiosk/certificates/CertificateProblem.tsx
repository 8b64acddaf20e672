import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { Icon } from '../../shared/Icon.js';

/**
 * A refused or failed certificate call in plain words: the service's translated message (wrong phone
 * digits, too many tries, not found, not for self-service, revoked…) or ours when it did not answer.
 * data-kind: the error code in lower case, or network / unexpected.
 */
export function CertificateProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const name = (error as { name?: string } | null)?.name;
  const kind =
    error instanceof ApiError && error.fromServer
      ? error.code.toLowerCase()
      : (error instanceof ApiError && error.code === 'NETWORK') || name === 'AbortError' || name === 'TimeoutError'
        ? 'network'
        : 'unexpected';
  const text = error instanceof ApiError && error.fromServer ? error.message : t(kind === 'network' ? 'kiosk.certificates.network' : 'kiosk.certificates.unexpected');
  return (
    <div className="status error cert-problem" role="alert" data-testid="cert-error" data-kind={kind}>
      <Icon name="warning" size={40} />
      <div>
        <p className="cert-problem-title">{text}</p>
        <p className="cert-problem-help">{t('kiosk.certificates.askStaff')}</p>
      </div>
    </div>
  );
}
