/*
 * Print my certificate (/kiosk/certificates/print), for self-service types such as 单用途商业预付卡备案回执.
 * One thing per screen: the pickup code (on-screen keys) → the phone's last four (number pad) → what printed
 * and where to take it. A scan of the SMS's QR at any step prints at once. Test ids:
 *   cert-print (data-step = code | phone | done), cert-scan-hint, cert-pickup-code (data-value), osk,
 *   cert-code-next, cert-phone (data-value), numpad, cert-print-submit (aria-busy), cert-print-again,
 *   cert-error (data-kind: pickup_proof_failed, too_many_attempts, certificate_not_found, not_self_service, …, network),
 *   cert-printed, cert-printed-name, cert-printed-number, cert-printed-where, cert-print-done
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/context.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { Osk, type OskKey } from '../../shared/keyboard/Osk.js';
import { useLive } from '../../shared/useLive.js';
import { useWedgeScanner } from '../../shared/useWedgeScanner.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ScanIcon } from '../queue/CheckinScreen.js';
import { applyPadKey, padKeyOf, type PadKey } from '../queue/digits.js';
import { DigitBoxes, NumberPad } from '../queue/NumberPad.js';
import { useAction } from '../queue/useAction.js';
import { useSession } from '../state.js';
import { CertificateProblem } from './CertificateProblem.js';
import { isPickupScan, PHONE_LAST4, PICKUP_CHARS, PICKUP_LENGTH, pickupChars } from './entry.js';
import './certificates.css';

interface Printed {
  name: string;
  number: string;
  jobs: { id: string; state: string }[];
}

export function PrintCertificateScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [step, setStep] = useState<'code' | 'phone'>('code');
  const [printed, setPrinted] = useState<Printed | null>(null);

  const print = (proof: { pickupCode: string; phoneLast4: string } | { qr: string }) =>
    action.run(async (signal) => {
      try {
        setPrinted(await client.call('kioskPrintCertificate', { body: { ...proof, lang } }, { signal }));
      } catch (err) {
        // Wrong digits are typed again; the code stays.
        setPhone('');
        throw err;
      }
    });

  const scanning = printed === null && !action.busy;
  const onScan = (scanned: string) => {
    if (!isPickupScan(scanned)) return;
    setCode('');
    setPhone('');
    void print({ qr: scanned.trim() });
  };
  useWedgeScanner(onScan, { enabled: scanning });
  useLive((msg) => {
    if (msg.type === 'scan' && scanning) onScan(msg.code);
  });

  const typeCode = (k: OskKey) => {
    action.clearError();
    setCode((c) => (k === 'clear' ? '' : k === 'backspace' ? c.slice(0, -1) : k === 'space' ? c : pickupChars(c + k)));
  };
  const typePhone = (k: PadKey) => {
    action.clearError();
    setPhone((p) => applyPadKey(p, k, PHONE_LAST4));
  };

  // A physical keyboard types too (staff helping): letters and digits into the code, digits into the phone.
  useEffect(() => {
    if (!scanning) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
      if (step === 'code') {
        if (e.key === 'Backspace') typeCode('backspace');
        else if (e.key === 'Enter' && code.length === PICKUP_LENGTH) setStep('phone');
        else if (e.key.length === 1 && pickupChars(e.key) !== '') typeCode(e.key);
        else return;
      } else {
        const k = padKeyOf(e.key);
        if (e.key === 'Enter' && phone.length === PHONE_LAST4) void print({ pickupCode: code, phoneLast4: phone });
        else if (k) typePhone(k);
        else return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (printed) {
    return (
      <section className="screen cert-print" data-testid="cert-print" data-step="done">
        <ScreenHeader title={t('kiosk.certificates.printedTitle')} />
        <div className="cert-done" role="status" data-testid="cert-printed">
          <Icon name="ok" size={96} />
          <p className="cert-done-name" data-testid="cert-printed-name">
            {printed.name}
          </p>
          <p className="cert-done-number" data-testid="cert-printed-number">
            {t('kiosk.certificates.printedNumber', { number: printed.number })}
          </p>
          <p className="cert-done-where" data-testid="cert-printed-where">
            {t(printed.jobs.some((j) => j.state === 'failed') ? 'kiosk.certificates.printFailedWhere' : 'kiosk.certificates.printedWhere')}
          </p>
        </div>
        <button type="button" className="button primary big cert-go" data-testid="cert-print-done" onClick={session.reset}>
          {t('kiosk.certificates.done')}
        </button>
      </section>
    );
  }

  return (
    <section className="screen cert-print" data-testid="cert-print" data-step={step}>
      <ScreenHeader title={t('kiosk.certificates.printTitle')} back>
        <p className="lead">{t(step === 'code' ? 'kiosk.certificates.codeLead' : 'kiosk.certificates.phoneLead')}</p>
      </ScreenHeader>
      {step === 'code' && (
        <div className="cert-scan" data-testid="cert-scan-hint">
          <ScanIcon />
          <p>{t('kiosk.certificates.smsScanHint')}</p>
        </div>
      )}
      {action.busy && (
        <p className="status loading" role="status" data-testid="cert-busy">
          {t('kiosk.certificates.printing')}
        </p>
      )}
      {action.error !== undefined && <CertificateProblem error={action.error} />}
      {step === 'code' ? (
        <div className="cert-keys">
          <p className="cert-field-label">{t('kiosk.certificates.codeLabel')}</p>
          <DigitBoxes digits={code} length={PICKUP_LENGTH} testid="cert-pickup-code" label={t('kiosk.certificates.codeLabel')} />
          <div className="cert-osk">
            <Osk onKey={typeCode} upper only={PICKUP_CHARS} />
          </div>
          <button type="button" className="button primary big cert-go" data-testid="cert-code-next" disabled={code.length !== PICKUP_LENGTH || action.busy} onClick={() => setStep('phone')}>
            {t('kiosk.certificates.next')}
          </button>
        </div>
      ) : (
        <div className="cert-keys">
          <p className="cert-field-label">{t('kiosk.certificates.phoneLabel')}</p>
          <DigitBoxes digits={phone} length={PHONE_LAST4} testid="cert-phone" label={t('kiosk.certificates.phoneLabel')} />
          <NumberPad onKey={typePhone} disabled={action.busy} />
          <button
            type="button"
            className="button primary big cert-go"
            data-testid="cert-print-submit"
            disabled={phone.length !== PHONE_LAST4 || action.busy}
            aria-busy={action.busy}
            onClick={() => void print({ pickupCode: code, phoneLast4: phone })}
          >
            {action.busy ? t('kiosk.certificates.printing') : t('kiosk.certificates.print')}
          </button>
          <button
            type="button"
            className="button cert-again"
            data-testid="cert-print-again"
            disabled={action.busy}
            onClick={() => {
              action.clearError();
              setPhone('');
              setStep('code');
            }}
          >
            {t('kiosk.certificates.changeCode', { code })}
          </button>
        </div>
      )}
    </section>
  );
}
