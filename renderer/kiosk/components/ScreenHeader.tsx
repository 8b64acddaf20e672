import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../shared/Icon.js';
import { goBack } from '../../shared/router.js';
import { kioskPath } from '../routes.js';

export function ScreenHeader({ title, back = false, testid, children }: { title: ReactNode; back?: boolean; testid?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="screen-header">
      {back && (
        <button type="button" className="button back" onClick={() => goBack(kioskPath.home())}>
          <Icon name="back" />
          <span>{t('common.back')}</span>
        </button>
      )}
      <div className="screen-heading">
        <h1 data-testid={testid}>{title}</h1>
        {children}
      </div>
    </div>
  );
}
