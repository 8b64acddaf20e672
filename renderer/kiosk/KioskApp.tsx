import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG } from '../../core/contract/common.js';
import { useApi } from '../api/useApi.js';
import { currentLang } from '../i18n/i18n.js';
import { usePath } from '../shared/router.js';
import { BottomNav } from './components/BottomNav.js';
import { Header } from './components/Header.js';
import { OpinionScreen } from './feedback/OpinionScreen.js';
import { RateTicketScreen } from './feedback/RateTicketScreen.js';
import { TrackScreen } from './feedback/TrackScreen.js';
import { IdleGuard } from './IdleGuard.js';
import { ScrollCue } from './components/ScrollCue.js';
import { CheckinScreen } from './queue/CheckinScreen.js';
import { PrintCertificateScreen } from './certificates/PrintCertificateScreen.js';
import { VerifyCertificateScreen } from './certificates/VerifyCertificateScreen.js';
import { TakeTicketScreen } from './queue/TakeTicketScreen.js';
import { matchKioskRoute, type KioskRoute } from './routes.js';
import { CategoriesScreen } from './screens/CategoriesScreen.js';
import { CategoryScreen } from './screens/CategoryScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { NotFoundScreen } from './screens/NotFoundScreen.js';
import { ProcedureScreen } from './screens/ProcedureScreen.js';
import { ProhibitionsScreen } from './screens/ProhibitionsScreen.js';
import { SearchScreen } from './screens/SearchScreen.js';
import { KioskSessionProvider, useSession } from './state.js';
import { HallZoneProvider } from '../shared/hallZone.js';
import './kiosk.css';
import './queue/queue.css';
import './feedback/feedback.css';

const DEFAULT_IDLE = { idleSeconds: 60, countdownSeconds: 10 };

function Screen({ route }: { route: KioskRoute }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'search':
      return <SearchScreen />;
    case 'categories':
      return <CategoriesScreen />;
    case 'category':
      return <CategoryScreen code={route.code} />;
    case 'procedure':
      return <ProcedureScreen id={route.id} />;
    case 'prohibitions':
      return <ProhibitionsScreen />;
    case 'ticket':
      return <TakeTicketScreen />;
    case 'checkin':
      return <CheckinScreen />;
    case 'opinion':
      return <OpinionScreen key={'cite' in route ? route.cite : 0} cite={'cite' in route ? route.cite : null} />;
    case 'track':
      return <TrackScreen />;
    case 'rate':
      return <RateTicketScreen />;
    case 'certificatePrint':
      return <PrintCertificateScreen />;
    case 'certificateVerify':
      return <VerifyCertificateScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

function KioskShell() {
  const { t, i18n } = useTranslation();
  const path = usePath();
  const route = matchKioskRoute(path);
  const session = useSession();
  const config = useApi('kioskConfig', {});
  const idle = config.data ?? DEFAULT_IDLE;
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const html = document.documentElement;
    if (session.elderly) html.dataset.elderly = 'true';
    else delete html.dataset.elderly;
    if (session.contrast) html.dataset.contrast = 'high';
    else delete html.dataset.contrast;
  }, [session.elderly, session.contrast]);

  // A new screen starts at its top, and keyboard / screen-reader focus moves to it (not on first load,
  // so Tab still starts at the skip link and the language switcher).
  const firstPath = useRef(path);
  useEffect(() => {
    mainRef.current?.scrollTo(0, 0);
    if (path === firstPath.current) return;
    firstPath.current = '';
    if (route.name !== 'search' && mainRef.current?.contains(document.activeElement) === false) {
      mainRef.current.focus({ preventScroll: true });
    }
  }, [path, route.name]);

  const pristine =
    route.name === 'home' && session.query === '' && !session.elderly && !session.contrast && currentLang(i18n) === DEFAULT_LANG;

  return (
    <HallZoneProvider zone={config.data?.timeZone ?? null}>
      <div className="kiosk">
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <Header />
        {/* In the tab order: a keyboard scrolls a long screen even where it has nothing else to focus. */}
        <main id="main" ref={mainRef} tabIndex={0} className="kiosk-main">
          <Screen route={route} />
        </main>
        <ScrollCue target={mainRef} />
        <BottomNav route={route} />
        <IdleGuard idleSeconds={idle.idleSeconds} countdownSeconds={idle.countdownSeconds} armed={!pristine} onIdle={session.reset} />
      </div>
    </HallZoneProvider>
  );
}

export default function KioskApp() {
  return (
    <KioskSessionProvider>
      <KioskShell />
    </KioskSessionProvider>
  );
}
