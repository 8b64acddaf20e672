import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_OUTCOMES, CASE_STATES, type CaseAction, type CaseDetail, type CaseOutcome, type CaseState, type CaseSummary } from '../../core/contract/supervision-api.js';
import { useBusy } from '../counter/useBusy.js';
import { useRemote } from '../counter/useRemote.js';
import { canActOnCases, NEXT_CASE_ACTION, seesFullPhone } from './access.js';
import { useStaff, useSupervision, useHallCalendar } from './context.js';
import { supervisionErrorText } from './errors.js';
import { shownPhone } from './format.js';
import { useFeed } from './live-context.js';
import { Deadline, Flags, ItemDetail, ItemLink, ItemRow, LoadError, Steps } from './parts.js';
import { sectionPath } from './paths.js';
import { clerkText, reasonsText } from './words.js';
import { useNames } from './names.js';
import { DateField } from '../shared/DateField.js';
import { dateInRange, parseDateText } from '../shared/date-text.js';

/** Follow-up cases opened by bad ratings: the list with deadlines, and the open case beside it. */
export function CasesPanel({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  const client = useSupervision();
  const feed = useFeed();
  const [state, setState] = useState<CaseState | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useRemote(
    (signal) => client.call('cases', { ...(state ? { state } : {}), ...(overdueOnly ? { overdue: 'true' } : {}) }, { signal }),
    `${state}|${overdueOnly}`,
  );
  const { reload } = list;
  useEffect(() => {
    if (feed.casesTick > 0) reload();
  }, [feed.casesTick, reload]);

  return (
    <div className={`sv-split${selected ? ' with-detail' : ''}`}>
      <section className="sv-card" aria-labelledby="sv-cases-h">
        <div className="sv-card-head">
          <h2 id="sv-cases-h">{t('supervisor.cases.title')}</h2>
          <div className="sv-filters">
            <label className="sv-field inline">
              <span>{t('supervisor.cases.state')}</span>
              <select data-testid="sv-cases-filter-state" value={state} onChange={(e) => setState(e.target.value as CaseState | '')}>
                <option value="">{t('supervisor.all')}</option>
                {CASE_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`supervisor.caseState.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="sv-check">
              <input type="checkbox" data-testid="sv-cases-filter-overdue" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
              <span>{t('supervisor.overdueOnly')}</span>
            </label>
          </div>
        </div>
        {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
        {list.data && <CaseTable cases={list.data.cases} selected={selected} />}
      </section>
      {selected && <CaseDetailView key={selected} id={selected} onChanged={reload} />}
    </div>
  );
}

export function CaseTable({ cases, selected }: { cases: CaseSummary[]; selected: string | null }) {
  const names = useNames();
  const { today } = useHallCalendar();
  const { t } = useTranslation();
  if (cases.length === 0) {
    return (
      <p className="sv-empty" data-testid="sv-cases-empty">
        {t('supervisor.cases.empty')}
      </p>
    );
  }
  return (
    <div className="sv-table-wrap">
      <table className="sv-table sv-clickable" data-testid="sv-cases-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.cases.filedOn')}</th>
            <th scope="col">{t('supervisor.cases.deadline')}</th>
            <th scope="col">{t('supervisor.cases.where')}</th>
            <th scope="col">{t('supervisor.cases.level')}</th>
            <th scope="col">{t('supervisor.cases.state')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <ItemRow key={c.id} item={c} href={sectionPath('cases', c.id)} selected={selected} testid="sv-case-row">
              <td>
                <ItemLink href={sectionPath('cases', c.id)}>{c.filedOn}</ItemLink>
              </td>
              <td>
                <Deadline deadline={c.deadline} today={today} done={c.state === 'closed'} testid="sv-case-deadline" />
                <Flags overdue={c.overdue} escalated={c.escalated} />
              </td>
              <td>
                {t('supervisor.counterLabel', { no: c.counterNo })} · {clerkText(t, c.clerkName, c.clerkNumber)}
                <br />
                <small>{names.matter(c.matter)}</small>
              </td>
              <td>
                {t(`supervisor.levels.${c.level}`)}
                <br />
                <small>{reasonsText(t, c.reasons)}</small>
              </td>
              <td data-testid="sv-case-state">
                {t(`supervisor.caseState.${c.state}`)}
                {c.outcome && (
                  <>
                    <br />
                    <small>{t(`supervisor.outcome.${c.outcome}`)}</small>
                  </>
                )}
              </td>
            </ItemRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseDetailView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const client = useSupervision();
  const staff = useStaff();
  const feed = useFeed();
  return (
    <ItemDetail section="cases" name="case" id={id} tick={feed.casesTick} load={(signal) => client.call('caseDetail', { id }, { signal })} onChanged={onChanged}>
      {(detail, onDone) => <CaseDetailBody detail={detail} canAct={canActOnCases(staff.role)} fullPhone={seesFullPhone(staff.role)} onDone={onDone} />}
    </ItemDetail>
  );
}

export function CaseDetailBody({ detail, canAct, fullPhone, onDone }: { detail: CaseDetail; canAct: boolean; fullPhone: boolean; onDone: (d: CaseDetail) => void }) {
  const names = useNames();
  const { today, dateTime } = useHallCalendar();
  const { t } = useTranslation();
  const next = NEXT_CASE_ACTION[detail.state];
  const phone = detail.contact ? shownPhone(detail.contact, fullPhone) : null;
  return (
    <div data-testid="sv-case-detail" data-id={detail.id} data-state={detail.state}>
      <dl className="sv-facts">
        <dt>{t('supervisor.cases.state')}</dt>
        <dd>
          {t(`supervisor.caseState.${detail.state}`)} <Flags overdue={detail.overdue} escalated={detail.escalated} />
        </dd>
        <dt>{t('supervisor.cases.filedOn')}</dt>
        <dd>{detail.filedOn}</dd>
        <dt>{t('supervisor.cases.deadline')}</dt>
        <dd>
          <Deadline deadline={detail.deadline} today={today} done={detail.state === 'closed'} testid="sv-case-deadline-detail" />
        </dd>
        <dt>{t('supervisor.cases.where')}</dt>
        <dd>
          {t('supervisor.counterLabel', { no: detail.counterNo })} · {clerkText(t, detail.clerkName, detail.clerkNumber)} · {names.matter(detail.matter)}
        </dd>
        <dt>{t('supervisor.cases.level')}</dt>
        <dd>
          {t(`supervisor.levels.${detail.level}`)} — {reasonsText(t, detail.reasons)}
          {detail.rating.comment && (
            <>
              <br />
              <q>{detail.rating.comment}</q>
            </>
          )}
        </dd>
        <dt>{t('supervisor.cases.ratedAt')}</dt>
        <dd>
          {dateTime(detail.rating.recordedAt)} · {t(`supervisor.channel.${detail.rating.channel}`)}
        </dd>
        {detail.outcome && (
          <>
            <dt>{t('supervisor.cases.outcome')}</dt>
            <dd>
              {t(`supervisor.outcome.${detail.outcome}`)}
              {detail.fixBy ? ` · ${t('supervisor.cases.fixBy')} ${detail.fixBy}` : ''}
            </dd>
          </>
        )}
        <dt>{t('supervisor.cases.contact')}</dt>
        <dd data-testid="sv-case-contact">
          {detail.contact ? (
            <>
              {detail.contact.enterprise} · <span data-testid="sv-case-phone">{phone}</span>
            </>
          ) : (
            t(fullPhone ? 'supervisor.cases.noContact' : 'supervisor.cases.contactOfficeOnly')
          )}
        </dd>
      </dl>
      <Steps steps={detail.steps} testid="sv-case-steps" stepTestid="sv-case-step" />
      {canAct && next && <CaseActionForm key={`${detail.id}-${detail.state}`} id={detail.id} action={next} onDone={onDone} />}
      {detail.state === 'closed' && (
        <p className="sv-notice" data-testid="sv-case-done">
          {t('supervisor.cases.closed')}
        </p>
      )}
    </div>
  );
}

/** The office's next step on a case: return visit, outcome (with the promised date for a later fix), feedback, close. */
export function CaseActionForm({ id, action, onDone }: { id: string; action: CaseAction['action']; onDone: (d: CaseDetail) => void }) {
  const { today } = useHallCalendar();
  const { t } = useTranslation();
  const client = useSupervision();
  const busy = useBusy();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<CaseOutcome>('fixed');
  const [fixBy, setFixBy] = useState('');
  const noteNeeded = action !== 'close';
  const complete = (!noteNeeded || note.trim() !== '') && (action !== 'outcome' || outcome !== 'fixed-by-deadline' || dateInRange(fixBy, today));

  const body = (): CaseAction => {
    const text = note.trim();
    switch (action) {
      case 'return-visit':
      case 'feedback':
        return { action, note: text };
      case 'outcome':
        return { action, outcome, note: text, fixBy: outcome === 'fixed-by-deadline' ? parseDateText(fixBy) : null };
      case 'close':
        return { action, note: text || null };
    }
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!complete) return;
    void busy.run('case', async (signal) => onDone(await client.call('caseAction', { id, body: body() }, { signal })));
  };

  return (
    <form className="sv-action-form" data-testid="sv-case-action-form" data-action={action} onSubmit={submit} noValidate>
      <h3>{t(`supervisor.caseActions.${action}`)}</h3>
      <p className="sv-muted">{t(`supervisor.caseActions.${action}Hint`)}</p>
      {action === 'outcome' && (
        <div className="sv-row">
          <label className="sv-field">
            <span>{t('supervisor.cases.outcome')}</span>
            <select data-testid="sv-case-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as CaseOutcome)}>
              {CASE_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`supervisor.outcome.${o}`)}
                </option>
              ))}
            </select>
          </label>
          {outcome === 'fixed-by-deadline' && (
            <label className="sv-field">
              <span>{t('supervisor.cases.fixBy')}</span>
              <DateField data-testid="sv-case-fixby" value={fixBy} min={today} onChange={setFixBy} />
            </label>
          )}
        </div>
      )}
      <label className="sv-field">
        <span>{noteNeeded ? t('supervisor.note') : t('supervisor.noteOptional')}</span>
        <textarea data-testid="sv-case-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {busy.error !== undefined && (
        <p className="sv-error" role="alert" data-testid="sv-case-error">
          {supervisionErrorText(busy.error, t)}
        </p>
      )}
      <button type="submit" className="sv-btn primary" data-testid="sv-case-submit" disabled={!complete || busy.busy !== null} aria-busy={busy.busy !== null}>
        {busy.busy ? t('supervisor.busy') : t(`supervisor.caseActions.${action}`)}
      </button>
    </form>
  );
}
