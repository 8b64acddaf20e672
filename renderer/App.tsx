import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from './api/context.js';
import { currentLang } from './i18n/i18n.js';
import { ROLES, roleOfPath, viewportOf } from './roles.js';
import { navigate, usePath } from './shared/router.js';

/** Opens the screen of the path's role; "/" goes to this terminal's configured role. */
export function App() {
  const { t, i18n } = useTranslation();
  const path = usePath();
  const role = roleOfPath(path);
  const client = useClient();

  useEffect(() => {
    const apply = () => {
      document.documentElement.lang = currentLang(i18n);
      document.title = t('app.title');
    };
    apply();
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n, t]);

  useEffect(() => {
    document.querySelector('meta[name="viewport"]')?.setAttribute('content', viewportOf(role));
  }, [role]);

  useEffect(() => {
    if (role !== null) return;
    const ctrl = new AbortController();
    client.call('health', {}, { signal: ctrl.signal }).then(
      (h) => navigate(`/${ROLES[h.role] ? h.role : 'kiosk'}`, { replace: true }),
      () => navigate('/kiosk', { replace: true }),
    );
    return () => ctrl.abort();
  }, [role, client]);

  const Screen = role ? ROLES[role] : undefined;
  if (role === null) return null;
  if (!Screen) {
    return (
      <main className="unavailable">
        <h1>{t('roles.unavailableTitle')}</h1>
        <p>{t('roles.unavailableText')}</p>
      </main>
    );
  }
  return (
    <Suspense fallback={<p className="status loading">{t('status.loading')}</p>}>
      <Screen />
    </Suspense>
  );
}
