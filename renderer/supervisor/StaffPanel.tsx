import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordResetResult, StaffAccount } from '../../core/contract/supervision-api.js';
import { useBusy } from '../counter/useBusy.js';
import { useRemote } from '../counter/useRemote.js';
import { currentLang } from '../i18n/i18n.js';
import { clerkDisplayName } from '../shared/clerk.js';
import { useHallCalendar, useSupervision } from './context.js';
import { supervisionErrorText } from './errors.js';
import { LoadError } from './parts.js';

/**
 * Office: the staff accounts by name and login, a new password for a clerk who forgot theirs (shown
 * here once, to be handed over in person), and the log of such resets.
 *
 * Test ids: sv-staff-table, sv-staff-row (data-login), sv-staff-reset (data-login), sv-staff-confirm,
 * sv-staff-confirm-yes, sv-staff-confirm-no, sv-staff-new-password (data-login), sv-staff-password,
 * sv-staff-error, sv-staff-resets, sv-staff-reset-row
 */
export function StaffPanel() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const client = useSupervision();
  const { dateTime } = useHallCalendar();
  const data = useRemote((signal) => client.call('staffAccounts', {}, { signal }));
  const busy = useBusy();
  const [asking, setAsking] = useState<StaffAccount | null>(null);
  const [result, setResult] = useState<PasswordResetResult | null>(null);

  const reset = (s: StaffAccount) => {
    setAsking(null);
    void busy.run(`reset:${s.login}`, async (signal) => {
      setResult(await client.call('resetStaffPassword', { login: s.login, body: {} }, { signal }));
      data.reload();
    });
  };
  const nameOf = (s: { name: string; latinName?: string | null }) => clerkDisplayName(s, lang);
  const accounts = new Map((data.data?.staff ?? []).map((s) => [s.login, s]));
  // A logged login by its name as the table shows it (Latin on en and ru), else the name logged, else the login.
  const nameOfLogin = (login: string, logged: string | null) => {
    const known = accounts.get(login);
    return known ? nameOf(known) : (logged ?? login);
  };

  return (
    <div className="sv-staff">
      <p className="sv-muted">{t('supervisor.staff.intro')}</p>
      {data.error !== undefined && <LoadError error={data.error} onRetry={data.reload} />}
      {result && (
        <section className="sv-card sv-notice" data-testid="sv-staff-new-password" data-login={result.login} role="status" aria-labelledby="sv-staff-new-h">
          <h2 id="sv-staff-new-h">{t('supervisor.staff.newPasswordTitle', { name: nameOfLogin(result.login, result.reset.name), login: result.login })}</h2>
          <p className="sv-password" data-testid="sv-staff-password" lang="en">
            {result.password}
          </p>
          <p>{t('supervisor.staff.newPasswordHint')}</p>
          <button type="button" className="sv-btn" data-testid="sv-staff-password-done" onClick={() => setResult(null)}>
            {t('supervisor.staff.done')}
          </button>
        </section>
      )}
      {busy.error !== undefined && (
        <p className="sv-error" role="alert" data-testid="sv-staff-error">
          {supervisionErrorText(busy.error, t)}
        </p>
      )}
      {data.data && (
        <section className="sv-card" aria-labelledby="sv-staff-h">
          <h2 id="sv-staff-h">{t('supervisor.staff.accounts')}</h2>
          <div className="sv-table-wrap">
            <table className="sv-table" data-testid="sv-staff-table">
              <thead>
                <tr>
                  <th scope="col">{t('supervisor.staff.name')}</th>
                  <th scope="col">{t('supervisor.staff.number')}</th>
                  <th scope="col">{t('supervisor.staff.login')}</th>
                  <th scope="col">{t('supervisor.staff.role')}</th>
                  <th scope="col">{t('supervisor.staff.password')}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.staff.map((s) => (
                  <tr key={s.login} data-testid="sv-staff-row" data-login={s.login}>
                    <th scope="row">{nameOf(s)}</th>
                    <td>{s.number}</td>
                    <td lang="en">{s.login}</td>
                    <td>
                      {t(`supervisor.roles.${s.role}`)}
                      {s.disabled ? ` · ${t('supervisor.staff.disabled')}` : ''}
                    </td>
                    <td>
                      {s.role === 'clerk' && !s.disabled && asking?.login !== s.login && (
                        <button type="button" className="sv-btn small" data-testid="sv-staff-reset" data-login={s.login} disabled={busy.busy !== null} onClick={() => setAsking(s)}>
                          {busy.busy === `reset:${s.login}` ? t('supervisor.busy') : t('supervisor.staff.reset')}
                        </button>
                      )}
                      {asking?.login === s.login && (
                        <span className="sv-confirm" data-testid="sv-staff-confirm">
                          {t('supervisor.staff.confirm', { name: nameOf(s) })}{' '}
                          <button type="button" className="sv-btn small primary" data-testid="sv-staff-confirm-yes" onClick={() => reset(s)}>
                            {t('supervisor.staff.confirmYes')}
                          </button>{' '}
                          <button type="button" className="sv-btn small ghost" data-testid="sv-staff-confirm-no" onClick={() => setAsking(null)}>
                            {t('supervisor.staff.confirmNo')}
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {data.data && (
        <section className="sv-card" aria-labelledby="sv-staff-log-h">
          <h2 id="sv-staff-log-h">{t('supervisor.staff.resets')}</h2>
          {data.data.resets.length === 0 ? (
            <p className="sv-empty">{t('supervisor.staff.resetsNone')}</p>
          ) : (
            <div className="sv-table-wrap">
              <table className="sv-table" data-testid="sv-staff-resets">
                <thead>
                  <tr>
                    <th scope="col">{t('supervisor.staff.at')}</th>
                    <th scope="col">{t('supervisor.staff.whose')}</th>
                    <th scope="col">{t('supervisor.staff.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.resets.map((r) => (
                    <tr key={`${r.at}-${r.login}`} data-testid="sv-staff-reset-row" data-login={r.login}>
                      <td>{dateTime(r.at)}</td>
                      <td>
                        {nameOfLogin(r.login, r.name)} <span className="sv-muted">({r.login})</span>
                      </td>
                      <td>
                        {nameOfLogin(r.by, r.byName)} <span className="sv-muted">({r.by})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
