import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG } from '../../core/contract/common.js';
import { resetHistory } from '../shared/router.js';
import { kioskPath } from './routes.js';

/** What one visitor has changed; the idle reset puts all of it back for the next visitor. */
export interface KioskSession {
  query: string;
  setQuery: (q: string | ((q: string) => string)) => void;
  elderly: boolean;
  setElderly: (on: boolean) => void;
  contrast: boolean;
  setContrast: (on: boolean) => void;
  reset: () => void;
}

const SessionContext = createContext<KioskSession | null>(null);

export function KioskSessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [elderly, setElderly] = useState(false);
  const [contrast, setContrast] = useState(false);

  const reset = useCallback(() => {
    setQuery('');
    setElderly(false);
    setContrast(false);
    void i18n.changeLanguage(DEFAULT_LANG);
    resetHistory(kioskPath.home());
    (document.activeElement as HTMLElement | null)?.blur?.();
  }, [i18n]);

  const value = useMemo(
    () => ({ query, setQuery, elderly, setElderly, contrast, setContrast, reset }),
    [query, elderly, contrast, reset],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): KioskSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside KioskSessionProvider');
  return s;
}
