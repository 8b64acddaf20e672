import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../core/contract/supervision-api.js';
import { useBusy } from '../counter/useBusy.js';
import { useSupervision } from './context.js';
import { supervisionErrorText } from './errors.js';
import { LangSwitch } from './LangSwitch.js';

export function LoginScreen({ expired, onSignedIn }: { expired: boolean; onSignedIn: (s: StaffSession) => void }) {
  const { t } = useTranslation();
  const client = useSupervision();
  const action = useBusy();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const complete = login.trim() !== '' && password !== '';

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!complete) return;
    void action.run('login', async (signal) => {
      onSignedIn(await client.call('staffLogin', { body: { login: login.trim(), password } }, { signal }));
    });
  };

  return (
    <main className="sv-login">
      <form className="sv-card sv-login-card" onSubmit={submit} data-testid="sv-login-form" noValidate>
        <div className="sv-login-head">
          <h1>{t('supervisor.login.title')}</h1>
          <LangSwitch />
        </div>
        <p className="sv-muted">{t('supervisor.login.intro')}</p>
        {expired && (
          <p className="sv-notice" role="status" data-testid="sv-login-expired">
            {t('supervisor.login.expired')}
          </p>
        )}
        <label className="sv-field">
          <span>{t('supervisor.login.login')}</span>
          <input data-testid="sv-login-user" autoFocus autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label className="sv-field">
          <span>{t('supervisor.login.password')}</span>
          <input
            data-testid="sv-login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {action.error !== undefined && (
          <p className="sv-error" role="alert" data-testid="sv-login-error">
            {supervisionErrorText(action.error, t)}
          </p>
        )}
        <button className="sv-btn primary" type="submit" data-testid="sv-login-submit" disabled={!complete || action.busy !== null} aria-busy={action.busy !== null}>
          {action.busy ? t('supervisor.busy') : t('supervisor.login.submit')}
        </button>
      </form>
    </main>
  );
}
