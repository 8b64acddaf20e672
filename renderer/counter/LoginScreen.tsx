import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterSession } from '../../core/contract/hall-api.js';
import { useClient } from '../api/context.js';
import { counterErrorText } from './errors.js';
import { LangSwitch } from './LangSwitch.js';
import { needsSupervisor, SupervisorOverride, type SupervisorFields } from './SupervisorOverride.js';
import { useBusy } from './useBusy.js';

const LAST_COUNTER_KEY = 'hall.counter.lastCounterNo';

/** A counter PC keeps its window number; the next clerk should not have to type it again. */
function lastCounterNo(): string {
  try {
    return typeof localStorage === 'undefined' ? '' : (localStorage.getItem(LAST_COUNTER_KEY) ?? '');
  } catch {
    return '';
  }
}

export function LoginScreen({ expired, onSignedIn }: { expired: boolean; onSignedIn: (s: CounterSession) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const action = useBusy();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [counterNo, setCounterNo] = useState(lastCounterNo);
  // Shown once the counter was refused as held by another clerk; stays for the next attempt.
  const [override, setOverride] = useState(false);
  const [supervisor, setSupervisor] = useState<SupervisorFields>({ login: '', password: '' });
  const no = Number(counterNo);
  const overriding = override && supervisor.login.trim() !== '' && supervisor.password !== '';
  const complete = login.trim() !== '' && password !== '' && Number.isInteger(no) && no >= 1 && no <= 99 && (!override || overriding);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!complete) return;
    void action.run('login', async (signal) => {
      const body = { login: login.trim(), password, counterNo: no, supervisor: overriding ? { login: supervisor.login.trim(), password: supervisor.password } : null };
      const session = await client.call('counterLogin', { body }, { signal }).catch((err: unknown) => {
        if (needsSupervisor(err)) setOverride(true);
        throw err;
      });
      try {
        localStorage.setItem(LAST_COUNTER_KEY, String(session.counterNo));
      } catch {
        // Without storage the number is simply asked again next time.
      }
      onSignedIn(session);
    });
  };

  return (
    <main className="counter-login">
      <form className="login-card" onSubmit={submit} data-testid="login-form" noValidate>
        <div className="login-head">
          <h1>{t('counter.login.title')}</h1>
          <LangSwitch />
        </div>
        {expired && (
          <p className="notice" role="status" data-testid="login-expired">
            {t('counter.login.expired')}
          </p>
        )}
        <label className="field">
          <span>{t('counter.login.login')}</span>
          <input data-testid="login-user" autoFocus autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('counter.login.password')}</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('counter.login.counterNo')}</span>
          <input
            data-testid="login-counter"
            inputMode="numeric"
            value={counterNo}
            onChange={(e) => {
              setCounterNo(e.target.value.replace(/\D/g, '').slice(0, 2));
              setOverride(false);
            }}
          />
        </label>
        {override && <SupervisorOverride value={supervisor} onChange={setSupervisor} />}
        {action.error !== undefined && (
          <p className="error-text" role="alert" data-testid="login-error">
            {counterErrorText(action.error, t)}
          </p>
        )}
        <button className="btn primary big" type="submit" data-testid="login-submit" disabled={!complete || action.busy !== null} aria-busy={action.busy !== null}>
          {action.busy ? t('counter.busy') : override ? t('counter.login.override.submit') : t('counter.login.submit')}
        </button>
        <p className="hint">{t('counter.login.offlineHint')}</p>
      </form>
    </main>
  );
}
