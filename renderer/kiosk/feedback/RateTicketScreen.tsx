/*
 * Rating a finished service by its ticket number (/kiosk/rate), for a visitor who left the counter
 * without rating. Test ids:
 *   rate-screen (data-step = number | rate | thanks), rate-number (input), osk (data-key), rate-dash,
 *   rate-find (aria-busy), feedback-error (data-kind: not-found, network, server, unexpected)
 *   then the rating screen's ids: rating-service, rating-clerk, rating-clerk-number, rating-counter, rating-matter,
 *   rating-ticket, rating-level-5 … rating-level-1, rating-reasons, rating-reason-<reason>, rating-comment,
 *   rating-submit, rating-back, rating-error, rating-thanks (data-outcome = recorded | already-rated); rate-done
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingInput, RatingPrompt } from '../../../core/contract/ratings.js';
import { useClient } from '../../api/context.js';
import { ratingErrorText } from '../../rating/errors.js';
import { Thanks } from '../../rating/Thanks.js';
import { RatingForm } from '../../rating/RatingForm.js';
import { ServiceCard } from '../../rating/ServiceCard.js';
import { useRatingSubmit, type SubmitOutcome } from '../../rating/useRatingSubmit.js';
import { useLive } from '../../shared/useLive.js';
import { useWedgeScanner } from '../../shared/useWedgeScanner.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { Osk, type OskKey } from '../../shared/keyboard/Osk.js';
import { useAction } from '../queue/useAction.js';
import { useSession } from '../state.js';
import { ticketChars, ticketFromScan } from './entry.js';
import { FeedbackProblem } from './FeedbackProblem.js';
import '../../rating/rating.css';

export function RateTicketScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const finding = useAction();
  const sending = useRatingSubmit();
  const [number, setNumber] = useState('');
  const [prompt, setPrompt] = useState<RatingPrompt | null>(null);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);

  const find = (n = number) =>
    finding.run(async (signal) => {
      setPrompt(await client.call('ratingByTicket', { number: n }, { signal }));
    });

  const onScan = (scanned: string) => {
    const n = ticketFromScan(scanned);
    if (!n) return;
    setNumber(n);
    void find(n);
  };
  const scanning = prompt === null && !finding.busy;
  useWedgeScanner(onScan, { enabled: scanning });
  useLive((msg) => {
    if (msg.type === 'scan' && scanning) onScan(msg.code);
  });

  const rate = async (rating: RatingInput) => {
    if (!prompt) return;
    const done = await sending.submit((signal) => client.call('rateByTicket', { body: { number: prompt.ticketNumber, rating } }, { signal }));
    if (done === 'recorded' || done === 'already-rated') setOutcome(done);
  };

  const step = outcome ? 'thanks' : prompt ? 'rate' : 'number';
  return (
    <section className="screen rate-ticket" data-testid="rate-screen" data-step={step}>
      <ScreenHeader title={t('kiosk.feedback.rateTitle')} back={step !== 'thanks'}>
        {step === 'number' && <p className="lead">{t('kiosk.feedback.rateLead')}</p>}
      </ScreenHeader>

      {step === 'number' && (
        <>
          <label className="track-field">
            <span>{t('kiosk.feedback.ticketLabel')}</span>
            <input
              className="track-input active"
              data-testid="rate-number"
              value={number}
              inputMode="none"
              autoComplete="off"
              spellCheck={false}
              placeholder="A012"
              onChange={(e) => {
                finding.clearError();
                setNumber(ticketChars(e.target.value));
              }}
            />
          </label>
          <p className="feedback-hint">{t('kiosk.feedback.ticketHint')}</p>
          <Osk
            onKey={(k: OskKey) => {
              finding.clearError();
              setNumber((v) => (k === 'clear' ? '' : k === 'backspace' ? v.slice(0, -1) : k === 'space' ? v : ticketChars(v + k)));
            }}
          />
          <button type="button" className="button feedback-dash" data-testid="rate-dash" onMouseDown={(e) => e.preventDefault()} onClick={() => setNumber((v) => ticketChars(`${v}-`))}>
            {t('kiosk.feedback.dashKey')}
          </button>
          {finding.error !== undefined && <FeedbackProblem error={finding.error} notFound={t('kiosk.feedback.ticketNotFound')} />}
          <button
            type="button"
            className="button primary big feedback-go"
            data-testid="rate-find"
            disabled={number.length < 2 || finding.busy}
            aria-busy={finding.busy}
            onClick={() => void find()}
          >
            {finding.busy ? t('kiosk.feedback.searching') : t('kiosk.feedback.rateFind')}
          </button>
        </>
      )}

      {step === 'rate' && prompt && (
        <div className="rate-ticket-form">
          <h2 className="rating-ask-title">{t('rating.ask')}</h2>
          <ServiceCard prompt={prompt} />
          {sending.error !== undefined && (
            <p className="status error rating-error" role="alert" data-testid="rating-error">
              {ratingErrorText(sending.error, t)}
            </p>
          )}
          <RatingForm busy={sending.busy} onSubmit={(r) => void rate(r)} />
          <p className="rating-privacy">{t('rating.privacy')}</p>
        </div>
      )}

      {step === 'thanks' && (
        <>
          <Thanks outcome={outcome ?? 'recorded'} />
          <button type="button" className="button primary big feedback-go" data-testid="rate-done" onClick={session.reset}>
            {t('kiosk.feedback.done')}
          </button>
        </>
      )}
    </section>
  );
}
