import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../core/contract/api.js';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { QrCode } from '../../shared/QrCode.js';
import { slipAdvice } from '../queue/printer.js';
import { kioskPath } from '../routes.js';
import { TRACKING_QR_PREFIX } from './entry.js';

export type FiledOpinion = RouteOutput<'fileOpinion'> & { withPhone: boolean };

/** The code, big enough to photograph, what became of the slip, and how to look up progress later. */
export function OpinionFiledView({ filed, onDone }: { filed: FiledOpinion; onDone: () => void }) {
  const { t } = useTranslation();
  const slipText: Record<FiledOpinion['print'], string> = {
    queued: t('kiosk.feedback.slipQueued'),
    'no-printer': t('kiosk.feedback.slipNoPrinter'),
    'printer-down': t('kiosk.feedback.slipPrinterDown'),
    skipped: t('kiosk.feedback.slipSkipped'),
  };
  const advice = slipAdvice(filed.print);
  return (
    <section className="screen opinion-filed" data-testid="opinion-filed" aria-labelledby="opinion-filed-title">
      <h1 id="opinion-filed-title">{t('kiosk.feedback.filedTitle')}</h1>
      <div className="opinion-code-card">
        <p className="opinion-code-kicker">{t('kiosk.feedback.yourCode')}</p>
        <p className="opinion-code" data-testid="opinion-code">
          {filed.trackingCode}
        </p>
        <div className="opinion-qr" data-testid="opinion-qr">
          <QrCode text={`${TRACKING_QR_PREFIX}${filed.trackingCode}`} label={t('kiosk.feedback.qrLabel', { code: filed.trackingCode })} size={180} />
        </div>
      </div>
      <p className="feedback-hint" data-testid="opinion-lookup-hint">
        {filed.withPhone ? t('kiosk.feedback.lookupHintPhone') : t('kiosk.feedback.lookupHint')}
      </p>
      <div className={`ticket-note slip ${advice}`} role="status" data-testid="opinion-print" data-print={filed.print}>
        <Icon name={advice === 'take-slip' ? 'chevron' : advice === 'on-screen' ? 'eye' : 'warning'} size={36} />
        <p>{slipText[filed.print]}</p>
      </div>
      <div className="feedback-nav">
        <Link to={kioskPath.track()} className="button" data-testid="opinion-track">
          {t('kiosk.feedback.trackEntry')}
        </Link>
        <button type="button" className="button primary" data-testid="opinion-done" onClick={onDone}>
          {t('kiosk.feedback.done')}
        </button>
      </div>
    </section>
  );
}
