import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../core/contract/errors.js';
import type { Ticket } from '../../../core/contract/queue.js';
import { ApiError } from '../../api/client.js';
import { useClient } from '../../api/context.js';
import { currentLang } from '../../i18n/i18n.js';
import { useHallZone } from '../../shared/hallZone.js';
import { useLive } from '../../shared/useLive.js';
import { useWedgeScanner } from '../../shared/useWedgeScanner.js';
import { Kbd } from '../CurrentPanel.js';
import { counterErrorText } from '../errors.js';
import { useBusy } from '../useBusy.js';
import { useRemote } from '../useRemote.js';
import { CertificateDetails } from './CertificateDetails.js';
import { CertificateList } from './CertificateList.js';
import { ElectronicLink } from './ElectronicLink.js';
import { checkHandover, emptyHandover, type HandoverDraft, type HandoverErrors } from './handoverForm.js';
import { HandoverForm } from './HandoverForm.js';
import { checkMail, emptyMail, type MailDraft, type MailField, type MailProblem } from './mailForm.js';
import { MailForm } from './MailForm.js';
import { MailStateForm } from './MailStateForm.js';
import { PrintedNotice } from './PrintedNotice.js';
import { ReprintForm } from './ReprintForm.js';
import { offersCertificates, searchQuery } from './searchQuery.js';
import type { CertificateSummary as Summary, MailStateBody, PrintedCertificate } from './types.js';
import './certificates.css';

type Mode = 'view' | 'handover' | 'reprint' | 'mail' | 'mail-state';

/**
 * The pickup desk: find a certificate (ticket number, pickup code, enterprise name, credit code, or a
 * scanned QR), see it, and hand it over, reprint it, record its mail or show its e-certificate link.
 * `active`: the panel is on screen (its tab chosen), so scans and focus belong to it.
 */
export function CertificatesPanel({ active, current }: { active: boolean; current: Ticket | null }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const client = useClient();
  const zone = useHallZone();
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [badCode, setBadCode] = useState(false);
  const [found, setFound] = useState<{ q: string; items: Summary[] } | null>(null);
  const search = useBusy();
  const action = useBusy();
  const [openId, setOpenId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [printed, setPrinted] = useState<{ printed: PrintedCertificate; handedOver: boolean } | null>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [handover, setHandover] = useState<HandoverDraft>(emptyHandover);
  const [handoverErrors, setHandoverErrors] = useState<HandoverErrors>({});
  const [mail, setMail] = useState<MailDraft>(emptyMail);
  const [mailErrors, setMailErrors] = useState<Partial<Record<MailField, MailProblem>>>({});

  const offerFor = offersCertificates(current) ? current : null;
  const offered = useRemote(
    (signal) => (offerFor ? client.call('findCertificates', { q: offerFor.number }, { signal }) : Promise.resolve({ certificates: [] })),
    offerFor?.id ?? '',
  );
  const view = useRemote((signal) => (openId ? client.call('getCertificate', { id: openId, lang }, { signal }) : Promise.resolve(null)), `${openId ?? ''}:${lang}`);

  useEffect(() => {
    if (active && openId === null) searchRef.current?.focus();
  }, [active, openId]);

  const find = (raw: string) => {
    const q = searchQuery(raw);
    setBadCode(q.kind === 'badCreditCode');
    if (q.kind !== 'query') return;
    void search.run('find', async (signal) => {
      const res = await client.call('findCertificates', { q: q.q }, { signal });
      setFound({ q: q.q, items: res.certificates });
      // One match for a pickup code or a scanned QR: open it at once.
      if (res.certificates.length === 1) open(res.certificates[0]!.id);
    });
  };
  const open = (id: string) => {
    setOpenId(id);
    setMode('view');
    setPrinted(null);
    setLink(null);
    action.clearError();
  };
  const close = () => {
    setOpenId(null);
    setMode('view');
    setPrinted(null);
    setLink(null);
    setHandover(emptyHandover());
    setHandoverErrors({});
    action.clearError();
  };
  const cancelForm = () => {
    setMode('view');
    action.clearError();
  };

  const onScan = (code: string) => {
    if (!active || action.busy) return;
    close();
    setText(code);
    find(code);
  };
  useWedgeScanner(onScan, { enabled: active });
  useLive((msg) => {
    if (msg.type === 'scan') onScan(msg.code);
  });

  const submitSearch = (ev: FormEvent) => {
    ev.preventDefault();
    find(text);
  };

  const handOver = () => {
    if (!openId) return;
    const checked = checkHandover(handover);
    if (!checked.ok) {
      setHandoverErrors(checked.errors);
      return;
    }
    void action.run('handover', async (signal) => {
      try {
        const res = await client.call('handOverCertificate', { id: openId, body: { recipient: checked.recipient, ticketId: current?.id ?? null, lang } }, { signal });
        view.replace(res.view);
        setPrinted({ printed: res, handedOver: true });
        setHandover(emptyHandover());
        setMode('view');
      } catch (err) {
        // The form stays as typed and the refusal shows above its button; the certificate is read again,
        // so an earlier hand-over or a revocation shows in its history.
        if (err instanceof ApiError && (err.code === 'ALREADY_HANDED_OVER' || err.code === 'CERTIFICATE_REVOKED' || err.code === 'CERTIFICATE_SUPERSEDED')) view.reload();
        throw err;
      }
    });
  };
  const reprint = (reason: string) => {
    if (!openId) return;
    void action.run('reprint', async (signal) => {
      const res = await client.call('reprintCertificate', { id: openId, body: { reason, lang } }, { signal });
      view.replace(res.view);
      setPrinted({ printed: res, handedOver: false });
      setMode('view');
    });
  };
  const sendMail = () => {
    if (!openId) return;
    const checked = checkMail(mail);
    if (!checked.ok) {
      setMailErrors(checked.errors);
      return;
    }
    void action.run('mail', async (signal) => {
      view.replace(await client.call('mailCertificate', { id: openId, body: checked.body }, { signal }));
      setMail(emptyMail());
      setMode('view');
    });
  };
  const sendMailState = (body: MailStateBody) => {
    if (!openId) return;
    void action.run('mail-state', async (signal) => {
      view.replace(await client.call('mailState', { id: openId, body }, { signal }));
      setMode('view');
    });
  };
  const makeLink = () => {
    if (!openId) return;
    void action.run('link', async (signal) => {
      setLink(await client.call('electronicLink', { id: openId, body: {} }, { signal }));
    });
  };

  // Esc on the certificate (no form open) goes back to the search.
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape' && openId && mode === 'view') {
      ev.preventDefault();
      close();
    }
  };

  const v = view.data;
  const cert = v?.certificate;
  const live = cert && cert.state !== 'revoked' && cert.state !== 'superseded';
  const nextMail = v?.mail ? (v.mail.state === 'recorded' ? 'posted' : v.mail.state === 'posted' ? 'delivered' : null) : null;

  return (
    <section className="panel cert-panel" aria-labelledby="cert-title" data-testid="cert-panel" onKeyDown={onKey}>
      <h2 id="cert-title">{t('counter.certificates.title')}</h2>
      {openId === null ? (
        <>
          <form className="cert-search" role="search" onSubmit={submitSearch} data-testid="cert-search-form">
            <label htmlFor="cert-search">{t('counter.certificates.searchLabel')}</label>
            <div className="cert-search-row">
              <input
                id="cert-search"
                ref={searchRef}
                type="search"
                data-testid="cert-search"
                autoComplete="off"
                spellCheck={false}
                maxLength={400}
                value={text}
                placeholder={t('counter.certificates.searchPlaceholder')}
                aria-invalid={badCode || undefined}
                aria-describedby={badCode ? 'cert-search-error' : 'cert-search-hint'}
                onChange={(e) => {
                  setText(e.target.value);
                  setBadCode(false);
                }}
              />
              <button type="submit" className="btn primary" data-testid="cert-search-submit" disabled={search.busy !== null} aria-busy={search.busy !== null}>
                {search.busy ? t('counter.busy') : t('counter.certificates.search')} <Kbd k="Enter" />
              </button>
            </div>
            <p className="hint" id="cert-search-hint">
              {t('counter.certificates.searchHint')}
            </p>
            {badCode && (
              <p className="field-error" id="cert-search-error" role="alert" data-testid="cert-search-bad-code">
                {errorMessage('CREDIT_CODE_INVALID', lang)}
              </p>
            )}
          </form>
          {search.error !== undefined && (
            <p className="error-text" role="alert" data-testid="cert-search-error">
              {counterErrorText(search.error, t)}
            </p>
          )}
          {offerFor && (offered.data?.certificates.length ?? 0) > 0 && (
            <div className="cert-offered" data-testid="cert-offered">
              <h3>{t('counter.certificates.forTicket', { number: offerFor.number })}</h3>
              <CertificateList items={offered.data!.certificates} testid="cert-offered-list" onOpen={open} />
            </div>
          )}
          {found && found.items.length === 0 && (
            <p className="empty" role="status" data-testid="cert-none">
              {t('counter.certificates.none', { q: found.q.length > 40 ? `${found.q.slice(0, 40)}…` : found.q })}
            </p>
          )}
          {found && found.items.length > 0 && <CertificateList items={found.items} testid="cert-results" onOpen={open} />}
        </>
      ) : (
        <div className="cert-open" data-testid="cert-open">
          <button type="button" className="btn ghost cert-back" data-testid="cert-back" onClick={close}>
            {t('counter.certificates.back')} <Kbd k="Esc" />
          </button>
          {view.error !== undefined && !v && (
            <p className="error-text" role="alert" data-testid="cert-load-error">
              {counterErrorText(view.error, t)}
            </p>
          )}
          {!v && view.error === undefined && <p className="status loading">{t('status.loading')}</p>}
          {printed && <PrintedNotice printed={printed.printed} handedOver={printed.handedOver} />}
          {v && cert && (
            <>
              <p className="cert-heading" data-testid="cert-heading">
                <strong>{cert.name}</strong>
                <span>{cert.holder.name}</span>
              </p>
              {mode === 'view' && live && (
                <div className="cert-actions" role="group" aria-label={t('counter.certificates.actions')}>
                  {cert.state === 'ready' && (
                    <button type="button" className="btn primary" data-testid="cert-action-handover" autoFocus onClick={() => setMode('handover')}>
                      {t('counter.certificates.action.handover')}
                    </button>
                  )}
                  {cert.state === 'handed_over' && (
                    <button type="button" className="btn" data-testid="cert-action-reprint" autoFocus onClick={() => setMode('reprint')}>
                      {t('counter.certificates.action.reprint')}
                    </button>
                  )}
                  {cert.state === 'ready' && !v.mail && (
                    <button type="button" className="btn" data-testid="cert-action-mail" onClick={() => setMode('mail')}>
                      {t('counter.certificates.action.mail')}
                    </button>
                  )}
                  {nextMail && (
                    <button type="button" className="btn" data-testid="cert-action-mail-state" onClick={() => setMode('mail-state')}>
                      {t(`counter.certificates.action.${nextMail}`)}
                    </button>
                  )}
                  <button type="button" className="btn" data-testid="cert-action-link" disabled={action.busy !== null} aria-busy={action.busy === 'link'} onClick={makeLink}>
                    {action.busy === 'link' ? t('counter.busy') : t('counter.certificates.action.link')}
                  </button>
                </div>
              )}
              {mode === 'view' && action.error !== undefined && (
                <p className="error-text" role="alert" data-testid="cert-action-error">
                  {counterErrorText(action.error, t)}
                </p>
              )}
              {mode === 'view' && link && <ElectronicLink link={link} onClose={() => setLink(null)} />}
              {mode === 'handover' && (
                <HandoverForm
                  draft={handover}
                  errors={handoverErrors}
                  busy={action.busy === 'handover'}
                  error={action.error}
                  onChange={(patch) => {
                    setHandover((d) => ({ ...d, ...patch }));
                    setHandoverErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k === 'kind' ? 'letterChecked' : k, undefined])) }));
                    action.clearError();
                  }}
                  onSubmit={handOver}
                  onCancel={cancelForm}
                />
              )}
              {mode === 'reprint' && <ReprintForm busy={action.busy === 'reprint'} error={action.error} onSubmit={reprint} onCancel={cancelForm} />}
              {mode === 'mail' && (
                <MailForm
                  draft={mail}
                  errors={mailErrors}
                  busy={action.busy === 'mail'}
                  error={action.error}
                  onChange={(f, value) => {
                    setMail((d) => ({ ...d, [f]: value }));
                    setMailErrors((e) => ({ ...e, [f]: undefined }));
                  }}
                  onSubmit={sendMail}
                  onCancel={cancelForm}
                />
              )}
              {mode === 'mail-state' && nextMail && zone && (
                <MailStateForm next={nextMail} zone={zone} now={Date.now()} busy={action.busy === 'mail-state'} error={action.error} onSubmit={sendMailState} onCancel={cancelForm} />
              )}
              {/* The actions and forms first, where the clerk's eyes and focus are; the record under them. */}
              <CertificateDetails view={v} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
