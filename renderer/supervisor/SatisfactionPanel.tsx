import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/contract/common.js';
import { SATISFACTION_GROUPS, type RatingView, type SatisfactionRow, type SatisfactionSummary } from '../../core/contract/supervision-api.js';
import { useRemote } from '../counter/useRemote.js';
import { currentLang } from '../i18n/i18n.js';
import { navigate } from '../shared/router.js';
import { canReadCase } from './access.js';
import { useStaff, useSupervision, useHallCalendar } from './context.js';
import { percent, presetRange, share, validRange } from './format.js';
import { useFeed } from './live-context.js';
import { LoadError, RangeControls, type Range } from './parts.js';
import { sectionPath } from './paths.js';
import { clerkText, reasonsText } from './words.js';
import { useNames, type Names } from './names.js';

type Group = (typeof SATISFACTION_GROUPS)[number];

/** Live satisfaction: today at a glance, a chosen range by day, counter, clerk or matter, and ratings as they arrive. */
export function SatisfactionPanel() {
  const { t } = useTranslation();
  const client = useSupervision();
  const feed = useFeed();
  const { today } = useHallCalendar();
  const [range, setRange] = useState<Range>(() => presetRange('week', today));
  const [group, setGroup] = useState<Group>('day');
  const ok = validRange(range.from, range.to);
  // Today (the hall's) is asked for separately, so the headline never depends on the range being looked at.

  const todayData = useRemote((signal) => client.call('satisfaction', { from: today, to: today, by: 'day' }, { signal }), today);
  const summary = useRemote(
    (signal) => (ok ? client.call('satisfaction', { ...range, by: group }, { signal }) : Promise.resolve(undefined)),
    `${range.from}|${range.to}|${group}|${ok}`,
  );
  const ratings = useRemote((signal) => client.call('ratings', { limit: 20 }, { signal }));

  const { reload: reloadToday } = todayData;
  const { reload: reloadSummary } = summary;
  const { reload: reloadRatings } = ratings;
  useEffect(() => {
    if (feed.ratingsTick === 0) return;
    reloadToday();
    reloadSummary();
    reloadRatings();
  }, [feed.ratingsTick, reloadToday, reloadSummary, reloadRatings]);

  return (
    <div className="sv-sat">
      <section className="sv-card" aria-labelledby="sv-today-h">
        <h2 id="sv-today-h">{t('supervisor.sat.today')}</h2>
        {todayData.error !== undefined && <LoadError error={todayData.error} onRetry={todayData.reload} />}
        {todayData.data && <TodayCards total={todayData.data.total} />}
      </section>
      <section className="sv-card" aria-labelledby="sv-range-h">
        <div className="sv-card-head">
          <h2 id="sv-range-h">{t('supervisor.sat.byRange')}</h2>
          <label className="sv-field inline">
            <span>{t('supervisor.group.label')}</span>
            <select data-testid="sv-group" value={group} onChange={(e) => setGroup(e.target.value as Group)}>
              {SATISFACTION_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`supervisor.group.${g}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <RangeControls range={range} onChange={setRange} />
        {summary.error !== undefined && <LoadError error={summary.error} onRetry={summary.reload} />}
        {summary.data && <SatisfactionTable summary={summary.data} />}
      </section>
      <section className="sv-card" aria-labelledby="sv-live-h">
        <h2 id="sv-live-h">{t('supervisor.liveRatings.title')}</h2>
        {ratings.error !== undefined && <LoadError error={ratings.error} onRetry={ratings.reload} />}
        {ratings.data && <LiveRatings ratings={ratings.data.ratings} arrived={new Set(feed.arrived.map((r) => r.id))} />}
      </section>
    </div>
  );
}

export function TodayCards({ total }: { total: SatisfactionRow }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const items: [string, string, string?][] = [
    ['sv-today-rate', t('supervisor.sat.goodRate'), percent(total.goodRate, lang)],
    ['sv-today-services', t('supervisor.sat.services'), String(total.services)],
    ['sv-today-rated', t('supervisor.sat.rated'), String(total.rated)],
    ['sv-today-good', t('supervisor.sat.good'), String(total.good)],
    ['sv-today-bad', t('supervisor.sat.bad'), String(total.bad)],
    ['sv-today-not-rated', t('supervisor.sat.notRated'), String(total.notRated)],
  ];
  // The note follows the list: a <dl> holds only its terms and values.
  return (
    <>
      <dl className="sv-stats" data-testid="sv-today">
        {items.map(([id, label, value]) => (
          <div key={id} className={`sv-stat${id === 'sv-today-bad' && total.bad > 0 ? ' bad' : ''}`}>
            <dt>{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="sv-muted sv-stat-note">{t('supervisor.sat.rateNote')}</p>
    </>
  );
}

function rowLabel(row: SatisfactionRow, by: Group, t: TFunction, names: Names): string {
  if (by === 'counter') return t('supervisor.counterLabel', { no: row.key });
  if (by === 'clerk') return clerkText(t, row.label, row.key);
  if (by === 'matter') return names.matter(row.label || row.key);
  return row.label || row.key;
}

function Cells({ row, lang }: { row: SatisfactionRow; lang: Lang }) {
  return (
    <>
      <td className="num" data-testid="sv-sat-services">
        {row.services}
      </td>
      <td className="num" data-testid="sv-sat-rated">
        {row.rated}
      </td>
      <td className="num" data-testid="sv-sat-good">
        {row.good}
      </td>
      <td className="num" data-testid="sv-sat-rate">
        <strong>{percent(row.goodRate, lang)}</strong> <small>{`${row.good}/${row.rated}`}</small>
      </td>
      <td className={`num${row.bad > 0 ? ' bad' : ''}`} data-testid="sv-sat-bad">
        {row.bad} <small>{percent(share(row.bad, row.rated), lang)}</small>
      </td>
      <td className="num" data-testid="sv-sat-not-rated">
        {row.notRated} <small>{percent(share(row.notRated, row.services), lang)}</small>
      </td>
    </>
  );
}

/** Counts next to every share: good and bad are shares of the rated, not-rated a share of all services. */
export function SatisfactionTable({ summary }: { summary: SatisfactionSummary }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const lang = currentLang(i18n);
  if (summary.rows.length === 0) {
    return (
      <p className="sv-empty" data-testid="sv-sat-empty">
        {t('supervisor.sat.empty')}
      </p>
    );
  }
  return (
    <div className="sv-table-wrap">
      <table className="sv-table" data-testid="sv-sat-table" data-by={summary.by}>
        <thead>
          <tr>
            <th scope="col">{t(`supervisor.group.${summary.by}`)}</th>
            <th scope="col" className="num">{t('supervisor.sat.services')}</th>
            <th scope="col" className="num">{t('supervisor.sat.rated')}</th>
            <th scope="col" className="num">{t('supervisor.sat.good')}</th>
            <th scope="col" className="num">{t('supervisor.sat.goodRate')}</th>
            <th scope="col" className="num">{t('supervisor.sat.bad')}</th>
            <th scope="col" className="num">{t('supervisor.sat.notRated')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.key} data-testid="sv-sat-row" data-key={row.key}>
              <th scope="row">{rowLabel(row, summary.by, t, names)}</th>
              <Cells row={row} lang={lang} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="sv-sat-total">
            <th scope="row">{t('supervisor.sat.total')}</th>
            <Cells row={summary.total} lang={lang} />
          </tr>
        </tfoot>
      </table>
      <p className="sv-muted">{t('supervisor.sat.rateNote')}</p>
    </div>
  );
}

/** The latest ratings; no rater identity exists to show. Arrivals since the page opened are marked. */
export function LiveRatings({ ratings, arrived }: { ratings: RatingView[]; arrived: Set<string> }) {
  const names = useNames();
  const { dateTime } = useHallCalendar();
  const { t } = useTranslation();
  const staff = useStaff();
  if (ratings.length === 0) {
    return (
      <p className="sv-empty" data-testid="sv-live-empty">
        {t('supervisor.liveRatings.empty')}
      </p>
    );
  }
  return (
    <ol className="sv-ratings" data-testid="sv-live-ratings">
      {ratings.map((r) => (
        <li
          key={r.id}
          className={`sv-rating level-${r.level ?? 'none'}${arrived.has(r.id) ? ' new' : ''}`}
          data-testid="sv-rating"
          data-id={r.id}
          data-level={r.level ?? 'none'}
          data-new={arrived.has(r.id)}
          data-duplicate={r.duplicate}
        >
          <span className="sv-rating-level">{r.level === null ? t('supervisor.liveRatings.notRated') : t(`supervisor.levels.${r.level}`)}</span>
          <span className="sv-rating-where">
            {dateTime(r.recordedAt)} · {t('supervisor.counterLabel', { no: r.counterNo })} · {clerkText(t, r.clerkName, r.clerkNumber)} · {names.matter(r.matter)}
            {r.channel === 'kiosk' ? ` · ${t('supervisor.liveRatings.atKiosk')}` : ''}
          </span>
          {r.reasons.length > 0 && <span className="sv-rating-reasons">{reasonsText(t, r.reasons)}</span>}
          {r.comment && <q className="sv-rating-comment">{r.comment}</q>}
          {arrived.has(r.id) && <span className="sv-flag new">{t('supervisor.liveRatings.new')}</span>}
          {r.duplicate && <span className="sv-flag">{t('supervisor.liveRatings.duplicate')}</span>}
          {r.caseId && canReadCase(staff.role) && (
            <a
              href={sectionPath('cases', r.caseId)}
              data-testid="sv-rating-case"
              onClick={(e) => {
                e.preventDefault();
                navigate(sectionPath('cases', r.caseId));
              }}
            >
              {t('supervisor.liveRatings.openCase')}
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
