import { useState, type ReactNode } from 'react';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { useTranslation } from 'react-i18next';
import type { ProcedureType } from '../../../core/contract/catalog.js';
import type { ProcedureDetail } from '../../../core/contract/procedures.js';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { formatDate } from '../../shared/format.js';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { QrCode } from '../../shared/QrCode.js';
import { FlowChart } from '../components/FlowChart.js';
import { ChecklistButton } from '../queue/ChecklistButton.js';
import { ProcedureService } from './ProcedureService.js';
import { TicketView } from '../queue/TicketView.js';
import { useSession } from '../state.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ErrorMessage, Loading } from '../components/Status.js';
import { kioskPath } from '../routes.js';

export function ProcedureScreen({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const session = useSession();
  const res = useApi('getProcedure', { id, lang: currentLang(i18n) });
  const [issued, setIssued] = useState<IssuedTicket | null>(null);
  if (issued) return <TicketView issued={issued} kind="ticket" onDone={session.reset} />;
  if (res.error) {
    return (
      <section className="screen procedure">
        <ScreenHeader title="" back />
        <ErrorMessage error={res.error} />
      </section>
    );
  }
  // Keep the previous language's text on screen while the new one loads, but never another procedure's.
  if (!res.data || res.data.id !== id) {
    return (
      <section className="screen procedure">
        <Loading />
      </section>
    );
  }
  return (
    <ProcedureView p={res.data} service={<ProcedureService key={id} p={res.data} onIssued={setIssued} />} materialsAction={res.data.abolished ? undefined : <ChecklistButton key={id} procedureId={id} />} />
  );
}

function Section({ id, title, testid, children }: { id: string; title: string; testid?: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-labelledby={`${id}-h`} data-testid={testid}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * `service` (where it is served, take a ticket) sits under the summary, within the first screen;
 * `materialsAction` under the materials table. The screen passes both; tests render without them.
 */
export function ProcedureView({ p, service, materialsAction }: { p: ProcedureDetail; service?: ReactNode; materialsAction?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const typeName: Record<ProcedureType, string> = {
    administrative_licence: t('procedure.type.administrativeLicence'),
    other_administrative_power: t('procedure.type.otherAdministrativePower'),
    public_service: t('procedure.type.publicService'),
  };
  const pieces = (n: number) => (n === 0 ? t('detail.notNeeded') : t('detail.pieces', { count: n }));

  return (
    <article className="screen procedure">
      <ScreenHeader title={p.name} back testid="procedure-title">
        <p className="procedure-meta">
          <span className="badge">{typeName[p.type]}</span>
          <span className="badge quiet">{p.category.name}</span>
          <span className="code">
            {t('detail.code')} {p.code}
          </span>
        </p>
      </ScreenHeader>

      {p.abolished && (
        <div className="abolished-banner" role="note" data-testid="abolished-banner">
          <Icon name="warning" size={40} />
          <div>
            <p className="abolished-title">{t('detail.abolishedTitle', { date: formatDate(p.abolished.date, currentLang(i18n)) })}</p>
            {p.abolished.note && <p>{p.abolished.note}</p>}
            {p.abolished.replacedBy && (
              <p>
                {t('detail.replacedBy')}{' '}
                <Link to={kioskPath.procedure(p.abolished.replacedBy.id)} className="inline-link">
                  {p.abolished.replacedBy.name}
                </Link>
              </p>
            )}
          </div>
        </div>
      )}

      <p className="summary">{p.summary}</p>
      {service}

      <dl className="facts">
        <Fact label={t('detail.statutoryDays')}>
          {p.statutoryDays !== null
            ? t('detail.workingDays', { count: p.statutoryDays })
            : t(p.timeLimitNote ? 'detail.seeNote' : 'detail.noStatutoryLimit')}
        </Fact>
        <Fact label={t('detail.promisedDays')}>
          {p.promisedDays !== null
            ? t('detail.workingDays', { count: p.promisedDays })
            : t(p.timeLimitNote ? 'detail.seeNote' : 'detail.noPromisedLimit')}
        </Fact>
        <Fact label={t('detail.fee')}>
          {p.fee === 0 ? t('detail.free') : t('detail.feeAmount', { amount: p.fee })}
          {p.feeNote && <span className="fact-note">{p.feeNote}</span>}
        </Fact>
        <Fact label={t('detail.visits')}>{p.visits === 0 ? t('detail.noVisit') : t('detail.visitCount', { count: p.visits })}</Fact>
        <Fact label={t('detail.handling')}>{p.immediate ? t('detail.immediate') : t('detail.promised')}</Fact>
        <Fact label={t('detail.result')}>{p.result ?? t('detail.noResultDocument')}</Fact>
      </dl>
      {p.timeLimitNote && <p className="note">{p.timeLimitNote}</p>}

      <Section id="legal" title={t('detail.legalBasis')} testid="detail-legal-basis">
        <ul className="plain-list">
          {p.legalBasis.map((b, i) => (
            <li key={i}>
              <span className="law">{b.law}</span>
              {b.article && <span className="article"> {b.article}</span>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="conditions" title={t('detail.conditions')}>
        <ol className="numbered-list">
          {p.conditions.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ol>
      </Section>

      <Section id="materials" title={t('detail.materials')} testid="detail-materials">
        <table className="materials">
          <thead>
            <tr>
              <th scope="col">{t('detail.materialName')}</th>
              <th scope="col" className="num">
                {t('detail.originals')}
              </th>
              <th scope="col" className="num">
                {t('detail.copies')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.materials.map((m, i) => (
              <tr key={i}>
                <th scope="row">
                  <span className="material-name">
                    {i + 1}. {m.name}
                  </span>
                  <span className={m.required ? 'badge required' : 'badge quiet optional'}>{m.required ? t('detail.required') : t('detail.optional')}</span>
                  {m.note && <span className="material-note">{m.note}</span>}
                </th>
                <td className="num">{pieces(m.originals)}</td>
                <td className="num">{pieces(m.copies)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {materialsAction}
      </Section>

      <Section id="flow" title={t('detail.flow')} testid="detail-flow">
        <FlowChart steps={p.flow} />
      </Section>

      <Section id="office" title={t('detail.office')}>
        <dl className="facts compact">
          <Fact label={t('detail.department')}>{p.department.name}</Fact>
          <Fact label={t('detail.place')}>{p.department.place || '—'}</Fact>
          <Fact label={t('detail.hours')}>{p.department.hours || '—'}</Fact>
          <Fact label={t('detail.departmentPhone')}>{p.department.phone}</Fact>
        </dl>
      </Section>

      <Section id="phones" title={t('detail.contact')}>
        <dl className="facts compact">
          <Fact label={t('detail.consultPhone')}>
            <span className="phone">
              <Icon name="phone" /> {p.consultPhone}
            </span>
          </Fact>
          <Fact label={t('detail.supervisePhone')}>
            <span className="phone">
              <Icon name="phone" /> {p.supervisePhone}
            </span>
          </Fact>
        </dl>
      </Section>

      <Section id="online" title={t('detail.online')} testid="detail-qr">
        <div className="qr-block">
          <QrCode text={p.onlineUrl} label={t('detail.qrLabel', { url: p.onlineUrl })} />
          <div>
            <p>{t('detail.qrHint')}</p>
            <p className="url">{p.onlineUrl}</p>
          </div>
        </div>
      </Section>
    </article>
  );
}
