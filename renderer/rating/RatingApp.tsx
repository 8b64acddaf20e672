/*
 * The rating screen (/rating, role `rating`): faces the visitor at the counter (the counter PC's
 * second display, or a tablet's browser). Idle until the counter finishes a service; then shows who
 * served and the five levels; a bad rating asks for reasons. `?lang=en|ru` starts in another language.
 *
 * Test ids:
 *   rating-screen                  the screen (<main>, data-view = idle | rate | thanks)
 *   rating-lang-zh-CN, rating-lang-en, rating-lang-ru   language buttons (aria-pressed)
 *   rating-idle                    the idle panel: who is at this window (rating-window-clerk: rating-window-photo
 *                                  (data-photo = yes | no), rating-window-name, rating-window-number, rating-window-away),
 *                                  or rating-window-closed when nobody is signed in
 *   rating-service (data-service-id), rating-clerk-photo, rating-clerk, rating-clerk-number, rating-counter, rating-matter, rating-ticket
 *   rating-levels, rating-level-5 … rating-level-1   the five level buttons (words, not colour alone)
 *   rating-busy                    sending a good rating
 *   rating-reasons (data-level), rating-chosen, rating-reason-<reason> (aria-pressed; reasons of BAD_REASONS),
 *   rating-comment, rating-need-reason, rating-back, rating-submit
 *   rating-error                   a failed submit, in words (network: our own text)
 *   rating-thanks (data-outcome = recorded | already-rated)   thank-you, back to idle after a few seconds
 *   rating-connection              the terminal service cannot be reached (shown on the idle panel)
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../core/contract/common.js';
import type { RatingInput, RatingPrompt } from '../../core/contract/ratings.js';
import { useClient } from '../api/context.js';
import { useRefreshing } from '../hall/useRefreshing.js';
import { currentLang } from '../i18n/i18n.js';
import { useLive } from '../shared/useLive.js';
import { ratingErrorText } from './errors.js';
import { ratingView } from './logic.js';
import { RatingForm } from './RatingForm.js';
import { ServiceCard } from './ServiceCard.js';
import { Thanks } from './Thanks.js';
import { WindowIdle } from './WindowClerk.js';
import { useRatingSubmit, type SubmitOutcome } from './useRatingSubmit.js';
import './rating.css';

/** Asked this often even without a live message (a tablet on Wi-Fi may miss one). */
export const PROMPT_POLL_MS = 4_000;
/** Who is at the window is asked this often: a sign-in or sign-out at the counter sends no rating message. */
export const CLERK_POLL_MS = 10_000;
/** How long the thank-you stays before the screen is idle again. */
export const THANKS_MS = 6_000;

const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English', ru: 'Русский' };

function langFromSearch(search: string): Lang | null {
  const l = new URLSearchParams(search).get('lang');
  return l && (LANGS as readonly string[]).includes(l) ? (l as Lang) : null;
}

export default function RatingApp() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const prompt = useRefreshing('ratingPrompt', {}, PROMPT_POLL_MS);
  const atWindow = useRefreshing('windowClerk', {}, CLERK_POLL_MS);
  const sending = useRatingSubmit();
  const [thanks, setThanks] = useState<{ serviceId: string; outcome: SubmitOutcome } | null>(null);
  const [finished, setFinished] = useState<ReadonlySet<string>>(new Set());
  const lang = currentLang(i18n);

  useEffect(() => {
    const l = langFromSearch(window.location.search);
    if (l && l !== currentLang(i18n)) void i18n.changeLanguage(l);
  }, [i18n]);

  useLive((msg) => {
    if (msg.type === 'rating') {
      prompt.refetch();
      atWindow.refetch();
    }
  }, {
    onOpen: () => {
      prompt.refetch();
      atWindow.refetch();
    },
  });

  useEffect(() => {
    if (!thanks) return;
    const id = setTimeout(() => setThanks(null), THANKS_MS);
    return () => clearTimeout(id);
  }, [thanks]);

  const current: RatingPrompt | null = prompt.data?.prompt ?? null;
  const view = ratingView(current?.serviceId ?? null, thanks?.serviceId ?? null, finished);
  const { clearError } = sending;
  // A new service (or none) starts without the last one's error.
  useEffect(() => {
    clearError();
  }, [current?.serviceId, clearError]);

  const submit = async (serviceId: string, rating: RatingInput) => {
    const outcome = await sending.submit((signal) => client.call('submitRating', { body: { serviceId, rating } }, { signal }));
    if (outcome === 'recorded' || outcome === 'already-rated') {
      setFinished((f) => new Set(f).add(serviceId));
      setThanks({ serviceId, outcome });
      prompt.refetch();
    }
  };

  return (
    <main className="rating-screen" data-testid="rating-screen" data-view={view.kind} lang={lang}>
      <header className="rating-header">
        <p className="rating-title">{t('rating.title')}</p>
        <div className="rating-langs" role="group" aria-label={t('rating.language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" className="rating-lang" data-testid={`rating-lang-${l}`} aria-pressed={l === lang} lang={l} onClick={() => void i18n.changeLanguage(l)}>
              {LANG_NAMES[l]}
            </button>
          ))}
        </div>
      </header>

      {view.kind === 'idle' && (
        <section className="rating-idle" data-testid="rating-idle">
          <WindowIdle clerk={atWindow.data?.clerk} />
          {prompt.error !== undefined && prompt.data === undefined && (
            <p className="rating-connection" role="status" data-testid="rating-connection">
              {t('rating.connection')}
            </p>
          )}
        </section>
      )}

      {view.kind === 'rate' && current && (
        <section className="rating-rate" key={current.serviceId} aria-labelledby="rating-ask">
          <h1 id="rating-ask" className="rating-ask-title">
            {t('rating.ask')}
          </h1>
          <ServiceCard prompt={current} atWindow={atWindow.data?.clerk} />
          {sending.error !== undefined && (
            <p className="status error rating-error" role="alert" data-testid="rating-error">
              {ratingErrorText(sending.error, t)}
            </p>
          )}
          <RatingForm busy={sending.busy} onSubmit={(r) => void submit(current.serviceId, r)} />
          <p className="rating-privacy">{t('rating.privacy')}</p>
        </section>
      )}

      {view.kind === 'thanks' && <Thanks outcome={thanks?.outcome ?? 'recorded'} />}
    </main>
  );
}
