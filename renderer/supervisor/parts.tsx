import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemote } from '../counter/useRemote.js';
import { navigate } from '../shared/router.js';
import { useHallCalendar } from './context.js';
import { daysLeft, presetRange, RANGE_PRESETS, validRange, type RangePreset } from './format.js';
import { supervisionErrorText } from './errors.js';
import { sectionPath } from './paths.js';
import { DateField } from '../shared/DateField.js';

export interface Range {
  from: string;
  to: string;
}

/** From/to dates with the usual presets; an impossible range is said plainly and not asked for. */
export function RangeControls({ range, onChange }: { range: Range; onChange: (r: Range) => void }) {
  const { today } = useHallCalendar();
  const { t } = useTranslation();
  const ok = validRange(range.from, range.to);
  return (
    <div className="sv-range" data-testid="sv-range" data-from={range.from} data-to={range.to}>
      <label className="sv-field inline">
        <span>{t('supervisor.range.from')}</span>
        <DateField data-testid="sv-range-from" value={range.from} max={range.to} onChange={(from) => onChange({ ...range, from })} />
      </label>
      <label className="sv-field inline">
        <span>{t('supervisor.range.to')}</span>
        <DateField data-testid="sv-range-to" value={range.to} min={range.from} onChange={(to) => onChange({ ...range, to })} />
      </label>
      <div className="sv-presets" role="group" aria-label={t('supervisor.range.presets')}>
        {RANGE_PRESETS.map((p: RangePreset) => {
          const r = presetRange(p, today);
          const active = r.from === range.from && r.to === range.to;
          return (
            <button key={p} type="button" className={`sv-btn small${active ? ' primary' : ''}`} data-testid="sv-range-preset" data-preset={p} aria-pressed={active} onClick={() => onChange(r)}>
              {t(`supervisor.range.${p}`)}
            </button>
          );
        })}
      </div>
      {!ok && (
        <p className="sv-error" role="alert" data-testid="sv-range-invalid">
          {t('supervisor.range.invalid')}
        </p>
      )}
    </div>
  );
}

/** The deadline with what it means today, in words as well as colour. */
export function Deadline({ deadline, today, done, testid }: { deadline: string; today: string; done: boolean; testid: string }) {
  const { t } = useTranslation();
  const left = daysLeft(deadline, today);
  const note = done ? null : left < 0 ? t('supervisor.deadline.late', { count: -left }) : left === 0 ? t('supervisor.deadline.today') : t('supervisor.deadline.left', { count: left });
  return (
    <span className={`sv-deadline${!done && left < 0 ? ' late' : ''}`} data-testid={testid} data-deadline={deadline}>
      {deadline}
      {note && <small> {note}</small>}
    </span>
  );
}

export function Flags({ overdue, escalated }: { overdue: boolean; escalated: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {overdue && (
        <span className="sv-flag overdue" data-testid="sv-flag-overdue">
          {t('supervisor.flags.overdue')}
        </span>
      )}
      {escalated && (
        <span className="sv-flag escalated" data-testid="sv-flag-escalated">
          {t('supervisor.flags.escalated')}
        </span>
      )}
    </>
  );
}

/** What failed to load, and a way to try again; data shown before stays on screen. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="sv-error sv-load-error" role="alert" data-testid="sv-load-error">
      {supervisionErrorText(error, t)}{' '}
      <button type="button" className="sv-btn small" data-testid="sv-retry" onClick={onRetry}>
        {t('supervisor.retry')}
      </button>
    </p>
  );
}

/** What was done, by whom and when, oldest first. */
export function Steps({ steps, testid, stepTestid }: { steps: { action: string; note: string | null; by: string | null; at: string; department?: string | null }[]; testid: string; stepTestid: string }) {
  const { dateTime } = useHallCalendar();
  const { t } = useTranslation();
  return (
    <ol className="sv-steps" data-testid={testid} aria-label={t('supervisor.steps.title')}>
      {steps.map((s, i) => (
        <li key={i} data-testid={stepTestid} data-action={s.action}>
          <span className="sv-step-head">
            <strong>{t(`supervisor.steps.${s.action}`)}</strong> · {dateTime(s.at)}
            {s.by ? ` · ${s.by}` : ''}
            {s.department ? ` → ${s.department}` : ''}
          </span>
          {s.note && <span className="sv-step-note">{s.note}</span>}
        </li>
      ))}
    </ol>
  );
}

interface ListedItem {
  id: string;
  state: string;
  overdue: boolean;
  escalated: boolean;
}

/** A listed case or complaint: a click anywhere on the row opens it beside the list. */
export function ItemRow({ item, href, selected, testid, code, children }: { item: ListedItem; href: string; selected: string | null; testid: string; code?: string; children: ReactNode }) {
  return (
    <tr
      className={`${item.overdue ? 'late' : ''}${item.id === selected ? ' selected' : ''}`}
      data-testid={testid}
      data-id={item.id}
      data-code={code}
      data-state={item.state}
      data-overdue={item.overdue}
      data-escalated={item.escalated}
      aria-selected={item.id === selected}
      onClick={() => navigate(href)}
    >
      {children}
    </tr>
  );
}

/** The row's link, for the keyboard and a new tab; a plain click opens the item in the page. */
export function ItemLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className={className}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/**
 * The open case or complaint beside its list: loaded by id, reloaded when the live feed says one of
 * its kind changed, and replaced by the answer to an action taken on it.
 */
export function ItemDetail<T>({
  section,
  name,
  id,
  tick,
  load,
  onChanged,
  children,
}: {
  section: 'cases' | 'complaints';
  name: 'case' | 'complaint';
  id: string;
  tick: number;
  load: (signal: AbortSignal) => Promise<T>;
  onChanged: () => void;
  children: (data: T, onDone: (d: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const detail = useRemote(load, id);
  const { reload } = detail;
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);
  return (
    <section className="sv-card sv-detail" aria-labelledby={`sv-${name}-h`}>
      <div className="sv-card-head">
        <h2 id={`sv-${name}-h`}>{t(`supervisor.${section}.detailTitle`)}</h2>
        <button type="button" className="sv-btn ghost small" data-testid={`sv-${name}-close-detail`} onClick={() => navigate(sectionPath(section))}>
          {t('supervisor.closeDetail')}
        </button>
      </div>
      {detail.error !== undefined && <LoadError error={detail.error} onRetry={detail.reload} />}
      {detail.data !== undefined &&
        children(detail.data, (d) => {
          detail.replace(d);
          onChanged();
        })}
    </section>
  );
}
