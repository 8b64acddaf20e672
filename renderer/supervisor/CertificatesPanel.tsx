import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMMEDIATE_GROUPS, type CertificateOverview, type CertificateRef, type ImmediateRow, type ImmediateTimes } from '../../core/contract/certificate-supervision-api.js';
import { useRemote } from '../counter/useRemote.js';
import { currentLang } from '../i18n/i18n.js';
import { useHallCalendar, useSupervision } from './context.js';
import { presetRange, validRange } from './format.js';
import { useNames } from './names.js';
import { LoadError, RangeControls, type Range } from './parts.js';

type Group = (typeof IMMEDIATE_GROUPS)[number];

/** 12 min 05 s: a 马上办 time as a person reads it; a dash for none. */
export function durationText(seconds: number | null, t: TFunction): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t('supervisor.certificates.hoursMinutes', { h, m });
  return m > 0 ? t('supervisor.certificates.minutesSeconds', { m, s: String(s).padStart(2, '0') }) : t('supervisor.certificates.seconds', { s });
}

/**
 * The certificates section (证照, issue 13): what is ready and what has waited too long (now), and for
 * a chosen period the hand-overs, mail, 马上办 times, every reprint and every second hand-over.
 */
export function CertificatesPanel() {
  const { t } = useTranslation();
  const client = useSupervision();
  const { today } = useHallCalendar();
  const [range, setRange] = useState<Range>(() => presetRange('month', today));
  const [group, setGroup] = useState<Group>('counter');
  const ok = validRange(range.from, range.to);
  const overview = useRemote((signal) => (ok ? client.call('certificateOverview', range, { signal }) : Promise.resolve(undefined)), `${range.from}|${range.to}|${ok}`);
  const times = useRemote(
    (signal) => (ok ? client.call('immediateTimes', { ...range, by: group }, { signal }) : Promise.resolve(undefined)),
    `${range.from}|${range.to}|${group}|${ok}`,
  );
  return (
    <div className="sv-certs">
      <section className="sv-card" aria-labelledby="sv-certs-h">
        <h2 id="sv-certs-h">{t('supervisor.certificates.title')}</h2>
        <p className="sv-muted">{t('supervisor.certificates.intro')}</p>
        <RangeControls range={range} onChange={setRange} />
        {overview.error !== undefined && <LoadError error={overview.error} onRetry={overview.reload} />}
        {overview.data && <CertificateCounts data={overview.data} />}
      </section>
      {overview.data && <WaitingList data={overview.data} />}
      <section className="sv-card" aria-labelledby="sv-cert-times-h">
        <div className="sv-card-head">
          <h2 id="sv-cert-times-h">{t('supervisor.certificates.timesTitle')}</h2>
          <label className="sv-field inline">
            <span>{t('supervisor.group.label')}</span>
            <select data-testid="sv-cert-group" value={group} onChange={(e) => setGroup(e.target.value as Group)}>
              {IMMEDIATE_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`supervisor.certificates.by.${g}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="sv-muted">{t('supervisor.certificates.timesIntro')}</p>
        {times.error !== undefined && <LoadError error={times.error} onRetry={times.reload} />}
        {times.data && <TimesTable data={times.data} />}
      </section>
      {overview.data && <Reprints data={overview.data} />}
      {overview.data && <Conflicts data={overview.data} />}
    </div>
  );
}

function CertificateCounts({ data }: { data: CertificateOverview }) {
  const { t } = useTranslation();
  const stat = (testid: string, label: string, value: number, bad = false) => (
    <div className={`sv-stat${bad && value > 0 ? ' bad' : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testid}>{value}</dd>
    </div>
  );
  return (
    <>
      <h3>{t('supervisor.certificates.now', { today: data.today })}</h3>
      <dl className="sv-stats">
        {stat('sv-cert-ready', t('supervisor.certificates.ready'), data.ready)}
        {stat('sv-cert-waiting-count', t('supervisor.certificates.waiting', { days: data.waitingDays }), data.waiting.length, true)}
      </dl>
      <h3>{t('supervisor.certificates.inPeriod', { from: data.from, to: data.to })}</h3>
      <dl className="sv-stats">
        {stat('sv-cert-handed-over', t('supervisor.certificates.handedOver'), data.handedOver)}
        {stat('sv-cert-posted', t('supervisor.certificates.posted'), data.mailed.posted)}
        {stat('sv-cert-delivered', t('supervisor.certificates.delivered'), data.mailed.delivered)}
        {stat('sv-cert-reprint-count', t('supervisor.certificates.reprints'), data.reprints.length)}
        {stat('sv-cert-conflict-count', t('supervisor.certificates.conflicts'), data.conflicts.length, true)}
      </dl>
    </>
  );
}

/** The certificate's type in the page's language (its catalog procedure), with its printed Chinese name beside it. */
function TypeName({ name, procedureId }: { name: string; procedureId: string | null }) {
  const { i18n } = useTranslation();
  const names = useNames();
  const lang = currentLang(i18n);
  const local = procedureId && lang !== 'zh-CN' ? names.procedure(procedureId) : null;
  if (!local) return <span className="sv-cert-type" lang="zh-CN">{name}</span>;
  return (
    <>
      <span>{local}</span>
      <small className="sv-sub" lang="zh-CN">
        {name}
      </small>
    </>
  );
}

function CertCell({ c }: { c: CertificateRef }) {
  return (
    <td className="sv-cert-cell">
      <span className="sv-cert-number">{c.number}</span>
      <TypeName name={c.name} procedureId={c.procedureId} />
    </td>
  );
}

function WaitingList({ data }: { data: CertificateOverview }) {
  const { t } = useTranslation();
  const { dateTime } = useHallCalendar();
  return (
    <section className="sv-card" aria-labelledby="sv-cert-waiting-h">
      <h2 id="sv-cert-waiting-h">{t('supervisor.certificates.waitingTitle', { days: data.waitingDays })}</h2>
      {data.waiting.length === 0 ? (
        <p className="sv-empty" data-testid="sv-cert-waiting-none">
          {t('supervisor.certificates.waitingNone')}
        </p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="sv-cert-waiting">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.certificates.certificate')}</th>
                <th scope="col">{t('supervisor.certificates.holder')}</th>
                <th scope="col">{t('supervisor.certificates.readySince')}</th>
                <th scope="col" className="num">
                  {t('supervisor.certificates.days')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.waiting.map((w) => (
                <tr key={w.id} className="late" data-testid="sv-cert-waiting-row" data-id={w.id} data-days={w.days}>
                  <CertCell c={w} />
                  <td lang="zh-CN">{w.holderName}</td>
                  <td className="sv-when">{dateTime(w.readySince)}</td>
                  <td className="num" data-testid="sv-cert-days">
                    {w.days}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function GroupLabel({ row, by }: { row: ImmediateRow; by: Group }) {
  const { t } = useTranslation();
  if (by === 'counter') return <>{/^\d+$/.test(row.key) ? t('queueConflicts.counter', { no: row.key }) : row.key}</>;
  if (by === 'type') return <TypeName name={row.label} procedureId={row.procedureId} />;
  return <>{row.label}</>;
}

function TimesTable({ data }: { data: ImmediateTimes }) {
  const { t } = useTranslation();
  const cells = (r: ImmediateRow) => (
    <>
      <td className="num" data-testid="sv-cert-count">
        {r.count}
      </td>
      <td className="num" data-testid="sv-cert-p50" data-seconds={r.p50 ?? ''}>
        {durationText(r.p50, t)}
      </td>
      <td className="num" data-testid="sv-cert-p95" data-seconds={r.p95 ?? ''}>
        {durationText(r.p95, t)}
      </td>
    </>
  );
  return (
    <>
      {data.rows.length === 0 ? (
        <p className="sv-empty" data-testid="sv-cert-times-none">
          {t('supervisor.certificates.timesNone')}
        </p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="sv-cert-times" data-by={data.by}>
            <thead>
              <tr>
                <th scope="col">{t(`supervisor.certificates.by.${data.by}`)}</th>
                <th scope="col" className="num">
                  {t('supervisor.certificates.count')}
                </th>
                <th scope="col" className="num">
                  {t('supervisor.certificates.p50')}
                </th>
                <th scope="col" className="num">
                  {t('supervisor.certificates.p95')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.key} data-testid="sv-cert-time-row" data-key={r.key}>
                  <th scope="row">
                    <GroupLabel row={r} by={data.by} />
                  </th>
                  {cells(r)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="sv-cert-times-total">
                <th scope="row">{t('supervisor.sat.total')}</th>
                {cells(data.total)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {data.untimed > 0 && (
        <p className="sv-muted" data-testid="sv-cert-untimed" data-count={data.untimed}>
          {t('supervisor.certificates.untimed', { n: data.untimed })}
        </p>
      )}
    </>
  );
}

/** The clerk's name from the staff accounts; as recorded when the server does not know them. */
function clerkName(name: string | null, clerk: string | null, t: TFunction): string {
  return name ?? clerk ?? t('supervisor.certificates.noClerk');
}

function Reprints({ data }: { data: CertificateOverview }) {
  const { t } = useTranslation();
  const { dateTime } = useHallCalendar();
  return (
    <section className="sv-card" aria-labelledby="sv-cert-reprints-h">
      <h2 id="sv-cert-reprints-h">{t('supervisor.certificates.reprintsTitle')}</h2>
      {data.reprints.length === 0 ? (
        <p className="sv-empty" data-testid="sv-cert-reprints-none">
          {t('supervisor.certificates.reprintsNone')}
        </p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="sv-cert-reprints">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.certificates.at')}</th>
                <th scope="col">{t('supervisor.certificates.certificate')}</th>
                <th scope="col">{t('supervisor.certificates.reason')}</th>
                <th scope="col">{t('supervisor.certificates.counter')}</th>
                <th scope="col">{t('supervisor.certificates.clerkCol')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reprints.map((r) => (
                <tr key={r.reprintId} data-testid="sv-cert-reprint-row" data-id={r.reprintId}>
                  <td className="sv-when">{dateTime(r.at)}</td>
                  <CertCell c={r} />
                  <td lang="zh-CN" data-testid="sv-cert-reason">
                    {r.reason}
                  </td>
                  <td className="sv-when">{t('queueConflicts.counter', { no: r.counter })}</td>
                  <td>{clerkName(r.clerkName, r.clerk, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Conflicts({ data }: { data: CertificateOverview }) {
  const { t } = useTranslation();
  const { dateTime } = useHallCalendar();
  return (
    <section className="sv-card" aria-labelledby="sv-cert-conflicts-h">
      <h2 id="sv-cert-conflicts-h">{t('supervisor.certificates.conflictsTitle')}</h2>
      <p className="sv-muted">{t('supervisor.certificates.conflictsIntro')}</p>
      {data.conflicts.length === 0 ? (
        <p className="sv-empty" data-testid="sv-cert-conflicts-none">
          {t('supervisor.certificates.conflictsNone')}
        </p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="sv-cert-conflicts">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.certificates.certificate')}</th>
                <th scope="col">{t('supervisor.certificates.kept')}</th>
                <th scope="col">{t('supervisor.certificates.refused')}</th>
              </tr>
            </thead>
            <tbody>
              {data.conflicts.map((x) => (
                <tr key={x.conflictId} data-testid="sv-cert-conflict-row" data-id={x.conflictId}>
                  <CertCell c={x} />
                  <td>
                    {x.first ? (
                      <>
                        <span className="sv-when-line">{dateTime(x.first.at)}</span>
                        <small className="sv-sub">{`${t('queueConflicts.counter', { no: x.first.counter })} · ${clerkName(x.first.clerkName, x.first.clerk, t)}`}</small>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <span className="sv-when-line">{dateTime(x.second.at)}</span>
                    <small className="sv-sub">{t('queueConflicts.counter', { no: x.second.counter })}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
