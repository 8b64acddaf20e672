/*
 * Pairing a screen on another computer (/pair?code=…): the operator ran `npm run terminal:pair` on
 * the terminal and opened the address it printed here. The code is traded once for this browser's
 * token (kept by the terminal service as an HttpOnly cookie), then the screen of its first role opens.
 * `?lang=en|ru` switches the language.
 *
 * Test ids: pair-screen (<main>), pair-code (the code field), pair-submit, pair-error, pair-lang-<lang>
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../core/contract/common.js';
import { ErrorBody } from '../../core/contract/errors.js';
import { PairResult } from '../../core/contract/screen-access.js';
import { currentLang } from '../i18n/i18n.js';
import './pair.css';

async function pair(code: string, lang: Lang): Promise<{ ok: true; role: string } | { ok: false; message: string | null }> {
  try {
    const res = await fetch('/api/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify({ code }),
    });
    const json: unknown = await res.json().catch(() => null);
    const done = PairResult.safeParse(json);
    if (res.ok && done.success) return { ok: true, role: done.data.roles[0]! };
    const refused = ErrorBody.safeParse(json);
    return { ok: false, message: refused.success ? refused.data.error.message : null };
  } catch {
    return { ok: false, message: null };
  }
}

export default function PairApp() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const l = new URLSearchParams(window.location.search).get('lang');
    if (l && (LANGS as readonly string[]).includes(l) && l !== currentLang(i18n)) void i18n.changeLanguage(l);
  }, [i18n]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !code.trim()) return;
    setBusy(true);
    setError(null);
    const answer = await pair(code.trim(), lang);
    // The code is spent: leave it out of the history, and open this screen's own page.
    if (answer.ok) return window.location.replace(`/${answer.role}`);
    setBusy(false);
    setError(answer.message ?? t('pair.network'));
  };

  return (
    <main className="pair-screen" data-testid="pair-screen">
      <nav className="pair-langs" aria-label={t('header.language')}>
        {LANGS.map((l) => (
          <button key={l} type="button" data-testid={`pair-lang-${l}`} aria-pressed={l === lang} onClick={() => void i18n.changeLanguage(l)}>
            {t(`languages.${l}`)}
          </button>
        ))}
      </nav>
      <form className="pair-card" onSubmit={(e) => void submit(e)}>
        <h1>{t('pair.title')}</h1>
        <p>{t('pair.intro')}</p>
        <label htmlFor="pair-code">{t('pair.code')}</label>
        <input
          id="pair-code"
          data-testid="pair-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          aria-invalid={error !== null}
          aria-describedby={error ? 'pair-error' : undefined}
        />
        {error && (
          <p id="pair-error" className="pair-error" role="alert" data-testid="pair-error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="pair-submit" disabled={busy || !code.trim()} aria-busy={busy}>
          {busy ? t('pair.busy') : t('pair.submit')}
        </button>
        <p className="pair-hint">{t('pair.hint')}</p>
      </form>
    </main>
  );
}
