import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/errors.js';
import { Icon } from '../../shared/Icon.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status loading" role="status">
      {t('status.loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="status error" role="alert">
      <Icon name="warning" />
      <span>{errorText(error, t)}</span>
    </div>
  );
}
