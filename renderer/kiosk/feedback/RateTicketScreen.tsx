/*
 * Rating a finished service by its ticket number (/kiosk/rate), for a visitor who left the counter
 * without rating. Test ids:
 *   rate-screen (data-step = number | rate | thanks), rate-number, rate-code (inputs; data-active on the one the keys type into), osk (data-key), rate-dash,
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
import { ratingCodeChars } from '../../../core/common/rating-code.js';
import { RATING_CODE_LENGTH } from '../../../core/contract/queue.js';
import type { TicketProof } from '../../../core/contract/feedback-api.js';
import { ticketChars, ticketFromScan } from './entry.js';
import { EntryField } from './EntryField.js';
import { FeedbackProblem } from './FeedbackProblem.js';
import '../../rating/rating.css';

export function RateTicketScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const finding = useAction();
  const sending = useRatingSubmit();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [field, setField] = useState<'number' | 'code'>('number');
  // The proof the look-up passed with; the rating is sent with the same.
  const [proof, setProof] = useState<TicketProof | null>(null);
  const [prompt, setPrompt] = useState<RatingPrompt | null>(null);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);

  const find = (p: TicketProof) =>
    finding.run(async (signal) => {
      setPrompt(await client.call('ratingByTicket', p, { signal }));
      setProof(p);
    });

  const onScan = (scanned: string) => {
    const n = ticketFromScan(scanned);
    if (!n) return;
    setNumber(n);
    setCode('');
    void find({ qr: scanned.trim() });
  };
  const type = (k: OskKey) => {
    finding.clearError();
    const edit = (v: string, clean: (s: string) => string) => (k === 'clear' ? '' : k === 'backspace' ? v.slice(0, -1) : k === 'space' ? v : clean(v + k));
    if (field === 'number') setNumber((v) => edit(v, ticketChars));
    else setCode((v) => edit(v, ratingCodeChars));
  };
  const ready = number.length >= 2 && code.length === RATING_CODE_LENGTH;
  const fields = [
    { name: 'number' as const, label: t('kiosk.feedback.ticketLabel'), value: number, placeholder: 'A012', set: setNumber, clean: ticketChars },
    { name: 'code' as const, label: t('kiosk.feedback.ratingCodeLabel'), value: code, placeholder: 'K7M3P', set: setCode, clean: ratingCodeChars },
  ];
  const scanning = prompt === null && !finding.busy;
  useWedgeScanner(onScan, { enabled: scanning });
  useLive((msg) => {
    if (msg.type === 'scan' && scanning) onScan(msg.code);
  });

  const rate = async (rating: RatingInput) => {
    if (!prompt || !proof) return;
    const done = await sending.submit((signal) => client.call('rateByTicket', { body: { ...proof, rating } }, { signal }));
    if (done === 'recorded' || done === 'already-rated') setOutcome(done);
  };

  const step = outcome ? 'thanks' : prompt ? 'rate' : 'number';
  return (
    <section className="screen rate-ticket" data-testid="rate-screen" data-step={step}>
      <ScreenHeader title={t('kiosk.feedback.rateTitle')} back={step !== 'thanks'}>
        {step === 'number' && <p className="lead">{t('kiosk.feedback.rateLead')}</p>}
      </ScreenHeader>

      {step === 'number' && (
        <div className="rate-entry">
          <div className="track-fields">
            {fields.map((f) => (
              <EntryField
                key={f.name}
                label={f.label}
                testid={`rate-${f.name}`}
                value={f.value}
                active={field === f.name}
                placeholder={f.placeholder}
                onFocus={() => setField(f.name)}
                onChange={(typed) => {
                  finding.clearError();
                  f.set(f.clean(typed));
                }}
              />
            ))}
          </div>
          <p className="feedback-hint">{t('kiosk.feedback.codeHint')}</p>
          <div className="rate-osk">
            <Osk onKey={type} />
          </div>
          {field === 'number' && (
            <button type="button" className="button feedback-dash" data-testid="rate-dash" onMouseDown={(e) => e.preventDefault()} onClick={() => setNumber((v) => ticketChars(`${v}-`))}>
              {t('kiosk.feedback.dashKey')}
            </button>
          )}
          {finding.error !== undefined && <FeedbackProblem error={finding.error} notFound={t('kiosk.feedback.ticketNotFound')} />}
          <button
            type="button"
            className="button primary big feedback-go"
            data-testid="rate-find"
            disabled={!ready || finding.busy}
            aria-busy={finding.busy}
            onClick={() => void find({ number, code })}
          >
            {finding.busy ? t('kiosk.feedback.searching') : t('kiosk.feedback.rateFind')}
          </button>
        </div>
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
