import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** The refusals a supervisor's word can lift at sign-in: the counter is held by another clerk. */
export const needsSupervisor = (err: unknown): boolean => err instanceof ApiError && (err.code === 'COUNTER_IN_USE' || err.code === 'SUPERVISOR_REQUIRED');

export interface SupervisorFields {
  login: string;
  password: string;
}

/** A supervisor (or admin) gives their login and password to let this clerk take a counter in use. */
export function SupervisorOverride({ value, onChange }: { value: SupervisorFields; onChange: (v: SupervisorFields) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="supervisor-override" data-testid="supervisor-override">
      <legend>{t('counter.login.override.title')}</legend>
      <p className="hint">{t('counter.login.override.intro')}</p>
      <div className="supervisor-fields">
        <label className="field">
          <span>{t('counter.login.override.login')}</span>
          <input data-testid="supervisor-login" autoComplete="off" value={value.login} onChange={(e) => onChange({ ...value, login: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('counter.login.override.password')}</span>
          <input
            data-testid="supervisor-password"
            type="password"
            autoComplete="off"
            value={value.password}
            onChange={(e) => onChange({ ...value, password: e.target.value })}
          />
        </label>
      </div>
    </fieldset>
  );
}
