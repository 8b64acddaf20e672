/*
 * The opinion box (/kiosk/opinion): kind → text → optional prohibition and phone → filed, with the
 * tracking code on screen and on the slip. Opened from the negative list (/kiosk/report/<no>) it is a
 * complaint citing that prohibition, starting at the text. Test ids:
 *   opinion-screen (data-step = kind | text | extras | done), opinion-step (the "1/3" indicator)
 *   opinion-kind-opinion, opinion-kind-suggestion, opinion-kind-complaint, opinion-kind-leadership-letter
 *   opinion-cited (data-no: the prohibition cited from the negative list),
 *   opinion-text (textarea; physical keyboard or the OSK), osk (keys carry data-key), opinion-text-count, opinion-text-hint
 *   opinion-next, opinion-prev
 *   opinion-prohibition-none, opinion-prohibition-<1..11> (aria-pressed), opinion-prohibitions-error
 *   opinion-phone (data-value = digits), numpad (data-key 0–9, clear, backspace), opinion-phone-invalid
 *   opinion-more (the cue that the step goes on below, until its end is in sight), opinion-submit (aria-busy), feedback-error (data-kind: not-found, network, server, unexpected)
 *   done: opinion-filed, opinion-code, opinion-qr, opinion-print (data-print = queued | no-printer | printer-down | skipped),
 *         opinion-lookup-hint, opinion-track (go to the progress lookup), opinion-done
 *   opinion-go-track (link to the progress lookup, on the first step)
 */
import { useState } from 'react';
import { MoreCue } from '../components/MoreCue.js';
import { useSeen } from '../components/useSeen.js';
import { useTranslation } from 'react-i18next';
import type { OpinionKind } from '../../../core/contract/opinions.js';
import { OPINION_KINDS } from '../../../core/contract/opinions.js';
import { useClient } from '../../api/context.js';
import { currentLang } from '../../i18n/i18n.js';
import { Link } from '../../shared/Link.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { applyKey } from '../../shared/keyboard/Osk.js';
import { PinyinKeyboard } from '../../shared/keyboard/PinyinKeyboard.js';
import { applyPadKey, type PadKey } from '../queue/digits.js';
import { NumberPad } from '../queue/NumberPad.js';
import { useAction } from '../queue/useAction.js';
import { kioskPath } from '../routes.js';
import { useSession } from '../state.js';
import { isPhone, PHONE_MAX, TEXT_MAX, TEXT_MIN, textReady } from './entry.js';
import { FeedbackProblem } from './FeedbackProblem.js';
import { useKindWords } from './words.js';
import { OpinionFiledView, type FiledOpinion } from './OpinionFiledView.js';
import { CitedProhibition, ProhibitionChoice } from './ProhibitionChoice.js';

type Step = 'kind' | 'text' | 'extras';
const STEPS: Step[] = ['kind', 'text', 'extras'];

/** `cite`: the prohibition a visitor reports a breach of, from the negative list; null: the box opened from home. */
export function OpinionScreen({ cite = null }: { cite?: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const kindWords = useKindWords();
  const [step, setStep] = useState<Step>(cite === null ? 'kind' : 'text');
  const [kind, setKind] = useState<OpinionKind | null>(cite === null ? null : 'complaint');
  const [text, setText] = useState('');
  const [prohibition, setProhibition] = useState<number | null>(cite);
  const [phone, setPhone] = useState('');
  const [filed, setFiled] = useState<FiledOpinion | null>(null);
  // The last step is taller than the screen: its buttons stay at the bottom, and a cue says more is below until its end is in sight.
  const [endRef, endSeen] = useSeen<HTMLSpanElement>(step !== 'kind' && step);

  if (filed) return <OpinionFiledView filed={filed} onDone={session.reset} />;

  const phoneOk = phone === '' || isPhone(phone);
  const submit = () =>
    action.run(async (signal) => {
      const res = await client.call(
        'fileOpinion',
        { body: { kind: kind!, text: text.trim(), prohibition, phone: phone === '' ? null : phone, lang } },
        { signal },
      );
      setFiled({ ...res, withPhone: phone !== '' });
    });

  const index = STEPS.indexOf(step);
  return (
    <section className="screen opinion" data-testid="opinion-screen" data-step={step}>
      <ScreenHeader title={t('kiosk.feedback.opinionTitle')} back>
        <p className="lead">{t('kiosk.feedback.opinionLead')}</p>
      </ScreenHeader>
      <p className="feedback-step" data-testid="opinion-step">
        {t('kiosk.feedback.step', { n: index + 1, total: STEPS.length })}
      </p>

      {step === 'kind' && (
        <>
          <h2 className="feedback-ask">{t('kiosk.feedback.kindAsk')}</h2>
          <div className="feedback-kinds" role="group" aria-label={t('kiosk.feedback.kindAsk')}>
            {OPINION_KINDS.map((k) => (
              <button
                key={k}
                type="button"
                className="feedback-kind"
                data-testid={`opinion-kind-${k}`}
                aria-pressed={kind === k}
                onClick={() => {
                  setKind(k);
                  setStep('text');
                }}
              >
                <span className="feedback-kind-title">{kindWords[k]}</span>
                <span className="feedback-kind-text"><KindHint kind={k} /></span>
              </button>
            ))}
          </div>
          <Link to={kioskPath.track()} className="button feedback-side-link" data-testid="opinion-go-track">
            {t('kiosk.feedback.trackEntry')}
          </Link>
        </>
      )}

      {step === 'text' && kind && (
        <>
          {prohibition !== null && <CitedProhibition no={prohibition} lang={lang} />}
          <label className="feedback-ask" htmlFor="opinion-text">
            {t('kiosk.feedback.textAsk', { kind: kindWords[kind] })}
          </label>
          <textarea
            id="opinion-text"
            className="feedback-text"
            data-testid="opinion-text"
            rows={6}
            maxLength={TEXT_MAX}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="feedback-count" data-testid="opinion-text-count">
            {t('kiosk.feedback.textCount', { n: text.trim().length, min: TEXT_MIN, max: TEXT_MAX })}
          </p>
          <p className="feedback-hint" data-testid="opinion-text-hint">
            {t('kiosk.feedback.textHint')}
          </p>
          <PinyinKeyboard startInPinyin={lang === 'zh-CN'} onKey={(k) => setText((s) => applyKey(s, k).slice(0, TEXT_MAX))} />
          <div className="opinion-footer sticky-actions">
            {!endSeen && <MoreCue testid="opinion-more" />}
            <div className="feedback-nav">
              <button type="button" className="button" data-testid="opinion-prev" onClick={() => setStep('kind')}>
                {t('kiosk.feedback.prev')}
              </button>
              <button type="button" className="button primary" data-testid="opinion-next" disabled={!textReady(text)} onClick={() => setStep('extras')}>
                {t('kiosk.feedback.next')}
              </button>
            </div>
          </div>
          <span ref={endRef} className="screen-end" aria-hidden="true" />
        </>
      )}

      {step === 'extras' && kind && (
        <>
          <div className="opinion-extras">
            <div className="opinion-extras-part">
              <h2 className="feedback-ask">{t('kiosk.feedback.prohibitionAsk')}</h2>
              <ProhibitionChoice value={prohibition} onChange={setProhibition} lang={lang} />
            </div>
            <div className="opinion-extras-part">
              <h2 className="feedback-ask">{t('kiosk.feedback.phoneAsk')}</h2>
              <p className="feedback-hint">{t('kiosk.feedback.phoneHint')}</p>
              <p className="feedback-phone" data-testid="opinion-phone" data-value={phone} aria-live="polite">
                {phone === '' ? <span className="feedback-placeholder">{t('kiosk.feedback.phoneNone')}</span> : phone}
              </p>
              {!phoneOk && (
                <p className="feedback-invalid" data-testid="opinion-phone-invalid">
                  {t('kiosk.feedback.phoneInvalid')}
                </p>
              )}
              <NumberPad onKey={(k: PadKey) => setPhone((p) => applyPadKey(p, k, PHONE_MAX))} disabled={action.busy} />
            </div>
          </div>
          {/* The error of a submit, the cue and the buttons stay in sight at the bottom while the step scrolls. */}
          <div className="opinion-footer sticky-actions">
            {action.error !== undefined && <FeedbackProblem error={action.error} notFound={t('kiosk.feedback.unexpected')} />}
            {!endSeen && <MoreCue testid="opinion-more" />}
            <div className="feedback-nav">
              <button type="button" className="button" data-testid="opinion-prev" disabled={action.busy} onClick={() => setStep('text')}>
                {t('kiosk.feedback.prev')}
              </button>
              <button
                type="button"
                className="button primary"
                data-testid="opinion-submit"
                disabled={!phoneOk || action.busy}
                aria-busy={action.busy}
                onClick={() => void submit()}
              >
                {action.busy ? t('kiosk.feedback.submitting') : t('kiosk.feedback.submit')}
              </button>
            </div>
          </div>
          <span ref={endRef} className="screen-end" aria-hidden="true" />
        </>
      )}
    </section>
  );
}

function KindHint({ kind }: { kind: OpinionKind }) {
  const { t } = useTranslation();
  switch (kind) {
    case 'opinion':
      return t('kiosk.feedback.kindHint.opinion');
    case 'suggestion':
      return t('kiosk.feedback.kindHint.suggestion');
    case 'complaint':
      return t('kiosk.feedback.kindHint.complaint');
    case 'leadership-letter':
      return t('kiosk.feedback.kindHint.leadershipLetter');
  }
}
