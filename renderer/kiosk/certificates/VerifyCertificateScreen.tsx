/*
 * Verify a certificate (/kiosk/certificates/verify): scan its QR (or paste / type its text), and the
 * verdict is shown plainly: genuine with its public fields, revoked with date and reason, superseded,
 * forged, unknown issuer. Checked by the terminal, offline, against the synced keys. Test ids:
 *   cert-verify (data-step = scan | verdict), cert-verify-scan-hint, cert-verify-text, cert-verify-submit,
 *   cert-error, verdict (data-verdict), verdict-title, verdict-text, verdict-<field>, cert-verify-again, cert-verify-done
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../core/contract/certificates.js';
import { useClient } from '../../api/context.js';
import { useLive } from '../../shared/useLive.js';
import { useWedgeScanner } from '../../shared/useWedgeScanner.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ScanIcon } from '../queue/CheckinScreen.js';
import { useAction } from '../queue/useAction.js';
import { useSession } from '../state.js';
import { CertificateProblem } from './CertificateProblem.js';
import { VerdictView } from './VerdictView.js';
import './certificates.css';

export function VerifyCertificateScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  const verify = (payload: string) =>
    action.run(async (signal) => {
      setVerdict(await client.call('verifyCertificate', { body: { payload } }, { signal }));
    });

  const scanning = !action.busy;
  const onScan = (scanned: string) => {
    if (!scanning) return;
    setText('');
    setVerdict(null);
    void verify(scanned.trim());
  };
  useWedgeScanner(onScan, { enabled: scanning, minLength: 8 });
  useLive((msg) => {
    if (msg.type === 'scan') onScan(msg.code);
  });

  const again = () => {
    setVerdict(null);
    setText('');
    action.clearError();
  };

  return (
    <section className="screen cert-verify" data-testid="cert-verify" data-step={verdict ? 'verdict' : 'scan'}>
      <ScreenHeader title={t('kiosk.certificates.verifyTitle')} back>
        {!verdict && <p className="lead">{t('kiosk.certificates.verifyLead')}</p>}
      </ScreenHeader>
      {verdict ? (
        <>
          <VerdictView verdict={verdict} />
          <p className="cert-verify-note">{t('kiosk.certificates.verifyNote')}</p>
          <div className="cert-buttons">
            <button type="button" className="button primary big cert-go" data-testid="cert-verify-again" onClick={again}>
              {t('kiosk.certificates.verifyAnother')}
            </button>
            <button type="button" className="button big cert-go" data-testid="cert-verify-done" onClick={session.reset}>
              {t('kiosk.certificates.done')}
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="cert-scan big" data-testid="cert-verify-scan-hint">
            <ScanIcon />
            <p>{t('kiosk.certificates.verifyScanHint')}</p>
          </div>
          {action.busy && (
            <p className="status loading" role="status" data-testid="cert-busy">
              {t('kiosk.certificates.verifying')}
            </p>
          )}
          {action.error !== undefined && <CertificateProblem error={action.error} />}
          <form
            className="cert-paste"
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) void verify(text.trim());
            }}
          >
            <label htmlFor="cert-verify-text">{t('kiosk.certificates.pasteLabel')}</label>
            <textarea
              id="cert-verify-text"
              data-testid="cert-verify-text"
              rows={3}
              maxLength={1000}
              spellCheck={false}
              autoComplete="off"
              value={text}
              placeholder="HCERT1|1.2.156.3005.2.…"
              onChange={(e) => {
                setText(e.target.value);
                action.clearError();
              }}
            />
            <button type="submit" className="button primary big cert-go" data-testid="cert-verify-submit" disabled={text.trim() === '' || action.busy} aria-busy={action.busy}>
              {action.busy ? t('kiosk.certificates.verifying') : t('kiosk.certificates.verify')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
