/*
 * A certificate's progress at the kiosk's lookup, in plain words for a visitor who never used a kiosk:
 * one sentence saying where it is, then its steps with the hall's date and time. Test ids:
 *   cert-progress (data-state: ready | to-mail | handed-over | mailed | posted | delivered | revoked | superseded),
 *   cert-progress-headline, cert-progress-name, cert-progress-number, cert-progress-where,
 *   cert-progress-step (data-step: recorded | posted | delivered | handed-over), cert-progress-waybill,
 *   track-again, track-done
 */
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { CertificateProgress, HallTime } from '../../../core/contract/certificate-api.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { formatDate } from '../../shared/format.js';
import './certificates.css';

type Progress = z.infer<typeof CertificateProgress>;
type Moment = z.infer<typeof HallTime>;

/** What the visitor is told first: the one word for where the certificate is. */
export function progressState(p: Progress): string {
  if (p.state === 'revoked' || p.state === 'superseded') return p.state;
  if (p.mail) return p.mail.state === 'recorded' ? 'mailed' : p.mail.state;
  if (p.handover || p.state === 'handed_over') return 'handed-over';
  return p.delivery === 'mail' ? 'to-mail' : 'ready';
}

export function CertificateProgressView({ progress, onAgain, onDone }: { progress: Progress; onAgain: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const when = (m: Moment) => t('kiosk.certificates.progress.when', { date: formatDate(m.day, lang), time: m.time });
  const state = progressState(progress);
  const place = (counter: string) => (counter === 'kiosk' ? t('kiosk.certificates.progress.atKiosk') : t('kiosk.certificates.progress.atCounter', { counter }));
  const { pickup, handover, mail } = progress;
  const steps: { step: string; text: string }[] = [];
  if (handover) steps.push({ step: 'handed-over', text: t('kiosk.certificates.progress.stepHandedOver', { when: when(handover.at), place: place(handover.counter) }) });
  if (mail) {
    if (mail.recordedAt) steps.push({ step: 'recorded', text: t('kiosk.certificates.progress.stepRecorded', { when: when(mail.recordedAt) }) });
    if (mail.postedAt) steps.push({ step: 'posted', text: t('kiosk.certificates.progress.stepPosted', { when: when(mail.postedAt) }) });
    if (mail.deliveredAt)
      steps.push({
        step: 'delivered',
        text: mail.signer
          ? t('kiosk.certificates.progress.stepDeliveredSigned', { when: when(mail.deliveredAt), signer: mail.signer })
          : t('kiosk.certificates.progress.stepDelivered', { when: when(mail.deliveredAt) }),
      });
  }
  const where =
    state === 'ready'
      ? pickup
        ? t('kiosk.certificates.progress.whereReady', { counters: pickup.counters.join(', '), line: pickup.lineName[lang] ?? pickup.lineName['zh-CN'] })
        : t('kiosk.certificates.progress.whereReadyAsk')
      : state === 'revoked' && progress.revoked
        ? t('kiosk.certificates.progress.whereRevoked', { on: formatDate(progress.revoked.on, lang), reason: progress.revoked.reason })
        : t(`kiosk.certificates.progress.where.${state}`);
  const bad = state === 'revoked' || state === 'superseded';
  const good = state === 'ready' || state === 'handed-over' || state === 'delivered';
  return (
    <section className="screen cert-progress" data-testid="cert-progress" data-state={state}>
      <div className={`cert-progress-head ${bad ? 'bad' : good ? 'good' : 'on-way'}`}>
        <Icon name={bad ? 'bad' : good ? 'ok' : 'certificate'} size={72} />
        <h1 data-testid="cert-progress-headline">{t(`kiosk.certificates.progress.headline.${state}`)}</h1>
      </div>
      <dl className="cert-progress-facts">
        <div>
          <dt>{t('kiosk.certificates.field.name')}</dt>
          <dd data-testid="cert-progress-name">{progress.name}</dd>
        </div>
        <div>
          <dt>{t('kiosk.certificates.field.number')}</dt>
          <dd data-testid="cert-progress-number">{progress.number}</dd>
        </div>
        {mail?.waybill && (
          <div>
            <dt>{t('kiosk.certificates.progress.waybill')}</dt>
            <dd data-testid="cert-progress-waybill">{mail.waybill}</dd>
          </div>
        )}
      </dl>
      <p className="cert-progress-where" data-testid="cert-progress-where">
        {where}
      </p>
      {steps.length > 0 && (
        <section className="cert-progress-steps" aria-labelledby="cert-progress-steps">
          <h2 id="cert-progress-steps">{t('kiosk.certificates.progress.steps')}</h2>
          <ol>
            {steps.map((s, i) => (
              <li key={s.step} className={i === steps.length - 1 ? 'latest' : undefined} data-testid="cert-progress-step" data-step={s.step}>
                {s.text}
              </li>
            ))}
          </ol>
        </section>
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
