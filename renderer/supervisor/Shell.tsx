import { useTranslation } from 'react-i18next';
import type { StaffIdentity } from '../../core/contract/supervision-api.js';
import { useBusy } from '../counter/useBusy.js';
import { navigate, usePath } from '../shared/router.js';
import { sectionsFor } from './access.js';
import { CasesPanel } from './CasesPanel.js';
import { CertificatesPanel } from './CertificatesPanel.js';
import { ComplaintsPanel } from './ComplaintsPanel.js';
import { useSupervision } from './context.js';
import { InspectionPanel } from './InspectionPanel.js';
import { LangSwitch } from './LangSwitch.js';
import { LiveContext } from './live-context.js';
import { NamesProvider } from './names.js';
import { parseSupervisorPath, sectionPath } from './paths.js';
import { ProhibitionsPanel } from './ProhibitionsPanel.js';
import { QueuePanel } from './QueuePanel.js';
import { SatisfactionPanel } from './SatisfactionPanel.js';
import { StaffPanel } from './StaffPanel.js';
import { useLiveFeed } from './useLiveFeed.js';

/** Uploaded events the server stored but could not apply: a complaint may be missing from the lists below. */
export function FailedEventsNotice({ count }: { count: number | null }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <p className="sv-card sv-error" data-testid="sv-failed-events" data-count={count} role="status">
      {t('supervisor.failedEvents', { count })}
    </p>
  );
}

export function Shell({ staff, onSignedOut }: { staff: StaffIdentity; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const client = useSupervision();
  const path = usePath();
  const sections = sectionsFor(staff.role);
  const { section: wanted, id } = parseSupervisorPath(path);
  const section = sections.find((s) => s === wanted) ?? sections[0] ?? null;
  const feed = useLiveFeed(client, section !== null);
  const signOut = useBusy();

  const doSignOut = () =>
    void signOut.run('signout', async (signal) => {
      // The session ends here even if the server could not be told (its token then simply expires).
      await client.call('staffLogout', {}, { signal }).catch(() => undefined);
      onSignedOut();
    });

  return (
    <NamesProvider client={client}>
      <LiveContext.Provider value={feed}>
        <header className="sv-header">
          <div className="sv-brand">
            <span className="sv-mark" aria-hidden="true">
              {t('app.mark')}
            </span>
            <h1>{t('supervisor.title')}</h1>
          </div>
          {section !== null && (
            <p className="sv-live" data-testid="sv-live-state" data-state={feed.state} role="status">
              <span className="sv-dot" aria-hidden="true" />
              {t(`supervisor.live.${feed.state}`)}
            </p>
          )}
          <p className="sv-who" data-testid="sv-staff" data-role={staff.role}>
            {t('supervisor.signedInAs', { name: staff.name, number: staff.number, role: t(`supervisor.roles.${staff.role}`) })}
            {staff.unit ? ` · ${staff.unit}` : ''}
          </p>
          <LangSwitch />
          <button type="button" className="sv-btn ghost" data-testid="sv-signout" onClick={doSignOut} disabled={signOut.busy !== null} aria-busy={signOut.busy !== null}>
            {signOut.busy ? t('supervisor.busy') : t('supervisor.signOut')}
          </button>
        </header>
        {section === null ? (
          <main className="sv-main">
            <p className="sv-card sv-notice" data-testid="sv-no-sections" role="alert">
              {t('supervisor.noSections', { role: t(`supervisor.roles.${staff.role}`) })}
            </p>
          </main>
        ) : (
          <>
            <nav className="sv-nav" aria-label={t('supervisor.nav.label')}>
              {sections.map((s) => (
                <a
                  key={s}
                  href={sectionPath(s)}
                  data-testid={`sv-nav-${s}`}
                  aria-current={s === section ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(sectionPath(s));
                  }}
                >
                  {t(`supervisor.nav.${s}`)}
                </a>
              ))}
            </nav>
            <main className="sv-main" data-testid="sv-section" data-section={section}>
              <FailedEventsNotice count={feed.failedEvents} />
              {section === 'satisfaction' && <SatisfactionPanel />}
              {section === 'cases' && <CasesPanel selected={id} />}
              {section === 'complaints' && <ComplaintsPanel selected={id} />}
              {section === 'prohibitions' && <ProhibitionsPanel />}
              {section === 'inspection' && <InspectionPanel />}
              {section === 'queue' && <QueuePanel />}
              {section === 'certificates' && <CertificatesPanel />}
              {section === 'staff' && <StaffPanel />}
            </main>
          </>
        )}
      </LiveContext.Provider>
    </NamesProvider>
  );
}
