/*
 * The public certificate check (/verify), served by the central server with no sign-in: paste the
 * text of a certificate's QR code, or open /verify?p=<text> from a phone's QR reader. The verdict is
 * said in words and colour with the certificate's public fields; no personal data is shown. Test ids:
 * vf-lang, vf-form, vf-payload, vf-submit, vf-clear, vf-result (data-verdict), vf-headline, vf-explain,
 * vf-field (data-field name|number|holder|issuer|issuedOn|validity|identifier|version|revokedOn|
 * revokedReason|supersededBy), vf-error.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../core/contract/certificates.js';
import { VERIFY_PAYLOAD_MAX } from '../../core/contract/certificate-supervision-api.js';
import { useBusy } from '../counter/useBusy.js';
import { currentLang } from '../i18n/i18n.js';
import { LangSelect } from '../shared/LangSelect.js';
import { createVerifyClient, VerifyError } from './client.js';
import './verify.css';

function errorText(err: unknown, t: (k: string) => string): string {
  if (err instanceof VerifyError && err.fromServer) return err.message;
  if (err instanceof VerifyError && err.code === 'NETWORK') return t('publicVerify.errors.network');
  return t('publicVerify.errors.unexpected');
}

export default function VerifyApp() {
  const { t, i18n } = useTranslation();
  const client = useMemo(() => createVerifyClient({ lang: () => currentLang(i18n) }), [i18n]);
  const [text, setText] = useState(() => new URLSearchParams(window.location.search).get('p') ?? '');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const check = useBusy();
  const started = useRef(false);

  const run = (payload: string) => {
    setVerdict(null);
    void check.run('verify', async (signal) => setVerdict(await client.verify(payload.trim(), { signal })));
  };
  useEffect(() => {
    // A phone's QR reader opened /verify?p=…: check at once.
    if (started.current || text.trim() === '') return;
    started.current = true;
    run(text);
  });
  useEffect(() => {
    document.title = t('publicVerify.title');
  }, [t]);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (text.trim()) run(text);
  };

  return (
    <div className="vf">
      <header className="vf-header">
        <div className="vf-brand">
          <span className="vf-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <div>
            <h1>{t('publicVerify.title')}</h1>
            <p className="vf-office">{t('publicVerify.office')}</p>
          </div>
        </div>
        <LangSelect className="vf-lang" labelKey="verify.language" testid="vf-lang" />
      </header>
      <main className="vf-main">
        <form className="vf-card" onSubmit={submit} data-testid="vf-form" noValidate>
          <label className="vf-label" htmlFor="vf-payload">
            {t('publicVerify.label')}
          </label>
          <p className="vf-muted">{t('publicVerify.help')}</p>
          <textarea
            id="vf-payload"
            data-testid="vf-payload"
            value={text}
            maxLength={VERIFY_PAYLOAD_MAX}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            placeholder="HCERT1|1.2.156.3005.2.…"
            onChange={(e) => setText(e.target.value)}
          />
          <div className="vf-actions">
            <button type="submit" className="vf-btn primary" data-testid="vf-submit" disabled={text.trim() === '' || check.busy !== null} aria-busy={check.busy !== null}>
              {check.busy ? t('publicVerify.checking') : t('publicVerify.submit')}
            </button>
            <button
              type="button"
              className="vf-btn"
              data-testid="vf-clear"
              onClick={() => {
                setText('');
                setVerdict(null);
              }}
            >
              {t('publicVerify.clear')}
            </button>
          </div>
          {check.error !== undefined && (
            <p className="vf-error" role="alert" data-testid="vf-error">
              {errorText(check.error, t)}
            </p>
          )}
        </form>
        {verdict && <VerdictCard verdict={verdict} />}
        <p className="vf-muted vf-privacy">{t('publicVerify.privacy')}</p>
      </main>
    </div>
  );
}

const GOOD = new Set(['genuine']);
const WARN = new Set(['revoked', 'superseded']);

function VerdictCard({ verdict: v }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const tone = GOOD.has(v.verdict) ? 'good' : WARN.has(v.verdict) ? 'warn' : 'bad';
  // Only a signature that holds makes the payload's own fields facts; a forged one's date is no date.
  const trusted = GOOD.has(v.verdict) || WARN.has(v.verdict);
  const rows: [string, string, string | null][] = [];
  const c = trusted ? v.certificate : null;
  if (c) {
    rows.push(['name', t('publicVerify.fields.name'), c.name], ['number', t('publicVerify.fields.number'), c.number], ['holder', t('publicVerify.fields.holder'), c.holderName], ['issuer', t('publicVerify.fields.issuer'), c.issuer]);
  }
  if (trusted && v.issuedOn) rows.push(['issuedOn', t('publicVerify.fields.issuedOn'), v.issuedOn]);
  if (c) rows.push(['validity', t('publicVerify.fields.validity'), `${c.validFrom} – ${c.validUntil ?? t('publicVerify.longTerm')}`]);
  if (trusted && v.identifier) rows.push(['identifier', t('publicVerify.fields.identifier'), v.identifier]);
  if (trusted && v.version !== null) rows.push(['version', t('publicVerify.fields.version'), String(v.version).padStart(3, '0')]);
  if (v.revoked) rows.push(['revokedOn', t('publicVerify.fields.revokedOn'), v.revoked.on], ['revokedReason', t('publicVerify.fields.revokedReason'), v.revoked.reason]);
  if (v.supersededBy) rows.push(['supersededBy', t('publicVerify.fields.supersededBy'), v.supersededBy]);
  return (
    <section className={`vf-card vf-result ${tone}`} data-testid="vf-result" data-verdict={v.verdict} role="status" aria-live="polite">
      <h2 className="vf-headline" data-testid="vf-headline">
        <span className="vf-symbol" aria-hidden="true">
          {tone === 'good' ? '✓' : tone === 'warn' ? '!' : '✕'}
        </span>
        {t(`publicVerify.verdict.${v.verdict}`)}
      </h2>
      <p className="vf-explain" data-testid="vf-explain">
        {t(`publicVerify.explain.${v.verdict}`)}
      </p>
      {v.verdict === 'genuine' && !c && <p className="vf-muted">{t('publicVerify.notOnRecord')}</p>}
      {rows.length > 0 && (
        <dl className="vf-fields">
          {rows.map(([key, label, value]) => (
            <div key={key} className="vf-field" data-testid="vf-field" data-field={key}>
              <dt>{label}</dt>
              <dd lang={['name', 'holder', 'issuer', 'revokedReason', 'number'].includes(key) ? 'zh-CN' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
