/*
 * Progress lookup (/kiosk/opinion/track): the tracking code (on-screen keys, a physical keyboard, or
 * the slip's QR held to the scanner) and, when a phone was left, its last four digits; or a
 * certificate's pickup code (8 characters, like an old tracking code) with the phone's last four, or
 * the SMS's pickup QR. The opinion lookup is asked first; when it has no such opinion and the code can
 * be a pickup code, the certificate lookup (CertificateProgressView, cert-progress). Test ids:
 *   track-screen, track-code (input; value shown as K7PM3-XQ9AB-CDEFG), track-last4 (input), osk (data-key; capitals while the code is typed),
 *   track-submit (aria-busy), feedback-error (data-kind: not-found, network, server, unexpected), track-need-last4,
 *   cert-error (a refused certificate lookup: data-kind pickup_proof_failed, too_many_attempts, …)
 *   track-result (data-state = received | assigned | responded | fed-back | closed), track-kind, track-state,
 *   track-filed, track-deadline, track-feedback, track-not-received, track-again, track-done
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isPickupCode, readPickupQr } from '../../../core/common/pickup-qr.js';
import type { CertificateProgress } from '../../../core/contract/certificate-api.js';
import type { OpinionProgress } from '../../../core/contract/opinions.js';
import { ApiError } from '../../api/client.js';
import { useClient } from '../../api/context.js';
import { CertificateProblem } from '../certificates/CertificateProblem.js';
import { CertificateProgressView } from '../certificates/CertificateProgressView.js';
import { currentLang } from '../../i18n/i18n.js';
import { hallDay } from '../../../core/common/hall-time.js';
import { formatDate } from '../../shared/format.js';
import { useHallZone } from '../../shared/hallZone.js';
import { useLive } from '../../shared/useLive.js';
import { useWedgeScanner } from '../../shared/useWedgeScanner.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { Osk, type OskKey } from '../../shared/keyboard/Osk.js';
import { useAction } from '../queue/useAction.js';
import { useSession } from '../state.js';
import { normalizeTrackingCode } from '../../../core/common/tracking-code.js';
import { codeChars, codeFromScan, formatCode, isTrackingCode } from './entry.js';
import { FeedbackProblem } from './FeedbackProblem.js';
import { useKindWords, useStateWords } from './words.js';

type Field = 'code' | 'last4';
type Found = { opinion: OpinionProgress } | { certificate: z.infer<typeof CertificateProgress> };

/** The opinion lookup found nothing, and a certificate lookup needs the phone's last four. */
class NeedLast4 extends Error {}
const isNotFound = (err: unknown) => err instanceof ApiError && err.code === 'NOT_FOUND';

function applyTo(field: Field, value: string, key: OskKey): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return value.slice(0, -1);
  if (key === 'space') return value;
  return field === 'code' ? codeChars(value + key) : /^\d$/.test(key) ? (value + key).slice(0, 4) : value;
}

export function TrackScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [field, setField] = useState<Field>('code');
  const [result, setResult] = useState<Found | null>(null);
  // Which lookup refused: the certificate one answers in the service's own words.
  const [refusedBy, setRefusedBy] = useState<'opinion' | 'certificate'>('opinion');

  const ready = isTrackingCode(code) && (last4 === '' || last4.length === 4);
  const lookUpCertificate = async (pickup: string, digits: string, signal: AbortSignal) => {
    setRefusedBy('certificate');
    setResult({ certificate: await client.call('trackCertificate', { code: pickup, last4: digits }, { signal }) });
  };
  const lookUp = (c = code) =>
    action.run(async (signal) => {
      setRefusedBy('opinion');
      try {
        setResult({ opinion: await client.call('trackOpinion', { code: normalizeTrackingCode(c) ?? formatCode(c), ...(last4 ? { last4 } : {}) }, { signal }) });
      } catch (err) {
        if (!isNotFound(err) || !isPickupCode(c)) throw err;
        if (last4.length !== 4) throw new NeedLast4();
        await lookUpCertificate(c, last4, signal);
      }
    });

  // The slip's QR code: read by a keyboard-wedge scanner, or the terminal's serial one (live 'scan').
  const onScan = (scanned: string) => {
    // The SMS's pickup QR carries the code and the digits: it is a certificate, asked at once.
    const pickup = readPickupQr(scanned);
    if (pickup?.last4) {
      const digits = pickup.last4;
      setCode(pickup.code);
      setLast4(digits);
      void action.run((signal) => lookUpCertificate(pickup.code, digits, signal));
      return;
    }
    const c = codeFromScan(scanned) ?? (pickup ? pickup.code : null);
    if (!c) return;
    setCode(c);
    setResult(null);
    setField('last4');
  };
  useWedgeScanner(onScan, { enabled: !action.busy && result === null });
  useLive((msg) => {
    if (msg.type === 'scan' && !action.busy && result === null) onScan(msg.code);
  });

  if (result && 'certificate' in result) return <CertificateProgressView progress={result.certificate} onAgain={() => setResult(null)} onDone={session.reset} />;
  if (result) return <TrackResult progress={result.opinion} onAgain={() => setResult(null)} onDone={session.reset} />;

  const press = (key: OskKey) => {
    action.clearError();
    if (field === 'code') setCode((v) => applyTo('code', v, key));
    else setLast4((v) => applyTo('last4', v, key));
  };

  return (
    <section className="screen track" data-testid="track-screen">
      <ScreenHeader title={t('kiosk.feedback.trackTitle')} back>
        <p className="lead">{t('kiosk.feedback.trackLead')}</p>
      </ScreenHeader>
      <div className="track-fields">
        <label className="track-field">
          <span>{t('kiosk.feedback.codeLabel')}</span>
          <input
            className={field === 'code' ? 'track-input active' : 'track-input'}
            data-testid="track-code"
            value={formatCode(code)}
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            placeholder="XXXXX-XXXXX-XXXXX"
            onFocus={() => setField('code')}
            onChange={(e) => {
              action.clearError();
              setCode(codeChars(e.target.value));
            }}
          />
        </label>
        <label className="track-field">
          <span>{t('kiosk.feedback.last4Label')}</span>
          <input
            className={field === 'last4' ? 'track-input short active' : 'track-input short'}
            data-testid="track-last4"
            value={last4}
            inputMode="none"
            autoComplete="off"
            onFocus={() => setField('last4')}
            onChange={(e) => {
              action.clearError();
              setLast4(e.target.value.replace(/\D/g, '').slice(0, 4));
            }}
          />
        </label>
      </div>
      <p className="feedback-hint">{t('kiosk.feedback.last4Hint')}</p>
      <Osk onKey={press} upper={field === 'code'} />
      {action.error instanceof NeedLast4 ? (
        <p className="status error" role="alert" data-testid="track-need-last4">
          {t('kiosk.feedback.trackNeedLast4')}
        </p>
      ) : action.error !== undefined && refusedBy === 'certificate' ? (
        <CertificateProblem error={action.error} />
      ) : (
        action.error !== undefined && <FeedbackProblem error={action.error} notFound={t('kiosk.feedback.trackNotFound')} />
      )}
      <button
        type="button"
        className="button primary big feedback-go"
        data-testid="track-submit"
        disabled={!ready || action.busy}
        aria-busy={action.busy}
        onClick={() => void lookUp()}
      >
        {action.busy ? t('kiosk.feedback.searching') : t('kiosk.feedback.trackSubmit')}
      </button>
    </section>
  );
}

export function TrackResult({ progress, onAgain, onDone }: { progress: OpinionProgress; onAgain: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const kinds = useKindWords();
  const states = useStateWords();
  const zone = useHallZone();
  // A bare date is the hall's already; a timestamp is read on the hall's calendar (a dash until it is known).
  const date = (iso: string) => (iso.length === 10 ? formatDate(iso, currentLang(i18n)) : zone ? formatDate(hallDay(iso, zone), currentLang(i18n)) : '—');
  return (
    <section className="screen track-result" data-testid="track-result" data-state={progress.state}>
      <h1>{t('kiosk.feedback.resultTitle', { code: progress.trackingCode })}</h1>
      <dl className="track-facts">
        <div>
          <dt>{t('kiosk.feedback.kindLabel')}</dt>
          <dd data-testid="track-kind">{kinds[progress.kind]}</dd>
        </div>
        <div>
          <dt>{t('kiosk.feedback.stateLabel')}</dt>
          <dd data-testid="track-state">{states[progress.state]}</dd>
        </div>
        <div>
          <dt>{t('kiosk.feedback.filedLabel')}</dt>
          <dd data-testid="track-filed">{date(progress.filedAt)}</dd>
        </div>
        <div>
          <dt>{t('kiosk.feedback.deadlineLabel')}</dt>
          <dd data-testid="track-deadline">{progress.deadline ? date(progress.deadline) : t('kiosk.feedback.deadlineNone')}</dd>
        </div>
        <div className="wide">
          <dt>{t('kiosk.feedback.feedbackLabel')}</dt>
          <dd data-testid="track-feedback">{progress.feedback ?? t('kiosk.feedback.feedbackNone')}</dd>
        </div>
      </dl>
      {!progress.received && (
        <p className="ticket-note offline" role="note" data-testid="track-not-received">
          {t('kiosk.feedback.notReceived')}
        </p>
      )}
      <div className="feedback-nav">
        <button type="button" className="button" data-testid="track-again" onClick={onAgain}>
          {t('kiosk.feedback.trackAgain')}
        </button>
        <button type="button" className="button primary" data-testid="track-done" onClick={onDone}>
          {t('kiosk.feedback.done')}
        </button>
      </div>
    </section>
  );
}
