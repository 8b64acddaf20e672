import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLang } from '../../core/contract/common.js';
import type { SupervisionNames } from '../../core/contract/supervision-api.js';
import { currentLang } from '../i18n/i18n.js';
import type { SupervisionClient } from './client.js';

const NO_NAMES: SupervisionNames = { lines: [], procedures: [], prohibitions: [] };
const NamesContext = createContext<SupervisionNames>(NO_NAMES);

/** Loads the server's names once per session; until they come (or if they fail) the pages show what was recorded. */
export function NamesProvider({ client, children }: { client: SupervisionClient; children: ReactNode }) {
  const [names, setNames] = useState<SupervisionNames>(NO_NAMES);
  useEffect(() => {
    const ctrl = new AbortController();
    client.call('names', {}, { signal: ctrl.signal }).then(setNames, () => undefined);
    return () => ctrl.abort();
  }, [client]);
  return <NamesContext.Provider value={names}>{children}</NamesContext.Provider>;
}

export interface Names {
  /** A matter as recorded (the Chinese name of a line or procedure) in the page's language; as recorded when unknown. */
  matter(recorded: string): string;
  /** The words of prohibition `no` in the page's language; null before a catalog is on the server. */
  prohibition(no: number): string | null;
  /** A catalog procedure's name by its code (OI-03) in the page's language; null when the server has no such procedure. */
  procedure(code: string): string | null;
}

export function useNames(): Names {
  const names = useContext(NamesContext);
  const { i18n } = useTranslation();
  const lang = currentLang(i18n);
  return useMemo(() => {
    const byChinese = new Map<string, SupervisionNames['lines'][number]['name']>();
    for (const p of names.procedures) byChinese.set(p.name['zh-CN'], p.name);
    for (const l of names.lines) byChinese.set(l.name['zh-CN'], l.name);
    return {
      matter: (recorded) => {
        const known = byChinese.get(recorded);
        return known ? pickLang(known, lang) : recorded;
      },
      prohibition: (no) => {
        const p = names.prohibitions.find((x) => x.no === no);
        return p ? pickLang(p.text, lang) : null;
      },
      procedure: (code) => {
        const p = names.procedures.find((x) => x.code === code);
        return p ? pickLang(p.name, lang) : null;
      },
    };
  }, [names, lang]);
}

/** For component tests: the names as the server would send them. */
export function NamesFixture({ names, children }: { names: SupervisionNames; children: ReactNode }) {
  return <NamesContext.Provider value={names}>{children}</NamesContext.Provider>;
}
