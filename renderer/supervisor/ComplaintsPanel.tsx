import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATES, OPINION_KINDS, type ComplaintState, type OpinionKind } from '../../core/contract/opinions.js';
import type { ComplaintAction, ComplaintActionName, ComplaintDetail, ComplaintSummary, StaffIdentity } from '../../core/contract/supervision-api.js';
import { useBusy } from '../counter/useBusy.js';
import { useRemote } from '../counter/useRemote.js';
import { canListDepartments, complaintActionsFor, seesFullPhone } from './access.js';
import { useStaff, useSupervision, useHallCalendar } from './context.js';
import { supervisionErrorText } from './errors.js';
import { shownPhone } from './format.js';
import { useFeed } from './live-context.js';
import { Deadline, Flags, ItemDetail, ItemLink, ItemRow, LoadError, Steps } from './parts.js';
import { sectionPath } from './paths.js';
import { useNames } from './names.js';

/** Once answered, a complaint's deadline is met; feedback and closing follow. */
const answered = (state: ComplaintState) => state === 'responded' || state === 'fed-back' || state === 'closed';

/** Complaints and the other opinions from the box: state, department, deadline, flags; the open one beside the list. */
export function ComplaintsPanel({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  const client = useSupervision();
  const feed = useFeed();
  const [state, setState] = useState<ComplaintState | ''>('');
  const [kind, setKind] = useState<OpinionKind | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [escalated, setEscalated] = useState(false);
  const list = useRemote(
    (signal) =>
      client.call(
        'complaints',
        { ...(state ? { state } : {}), ...(kind ? { kind } : {}), ...(overdue ? { overdue: 'true' } : {}), ...(escalated ? { escalated: 'true' } : {}) },
        { signal },
      ),
    `${state}|${kind}|${overdue}|${escalated}`,
  );
  const { reload } = list;
  useEffect(() => {
    if (feed.complaintsTick > 0) reload();
  }, [feed.complaintsTick, reload]);

  return (
    <div className={`sv-split${selected ? ' with-detail' : ''}`}>
      <section className="sv-card" aria-labelledby="sv-complaints-h">
        <div className="sv-card-head">
          <h2 id="sv-complaints-h">{t('supervisor.complaints.title')}</h2>
          <div className="sv-filters">
            <label className="sv-field inline">
              <span>{t('supervisor.complaints.state')}</span>
              <select data-testid="sv-complaints-filter-state" value={state} onChange={(e) => setState(e.target.value as ComplaintState | '')}>
                <option value="">{t('supervisor.all')}</option>
                {COMPLAINT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`supervisor.complaintState.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="sv-field inline">
              <span>{t('supervisor.complaints.kind')}</span>
              <select data-testid="sv-complaints-filter-kind" value={kind} onChange={(e) => setKind(e.target.value as OpinionKind | '')}>
                <option value="">{t('supervisor.all')}</option>
                {OPINION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`supervisor.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="sv-check">
              <input type="checkbox" data-testid="sv-complaints-filter-overdue" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
              <span>{t('supervisor.overdueOnly')}</span>
            </label>
            <label className="sv-check">
              <input type="checkbox" data-testid="sv-complaints-filter-escalated" checked={escalated} onChange={(e) => setEscalated(e.target.checked)} />
              <span>{t('supervisor.escalatedOnly')}</span>
            </label>
          </div>
        </div>
        {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
        {list.data && <ComplaintTable complaints={list.data.complaints} selected={selected} />}
      </section>
      {selected && <ComplaintDetailView key={selected} id={selected} onChanged={reload} />}
    </div>
  );
}

export function ComplaintTable({ complaints, selected }: { complaints: ComplaintSummary[]; selected: string | null }) {
  const names = useNames();
  const { today, dateTime } = useHallCalendar();
  const { t } = useTranslation();
  const staff = useStaff();
  if (complaints.length === 0) {
    return (
      <p className="sv-empty" data-testid="sv-complaints-empty">
        {t('supervisor.complaints.empty')}
      </p>
    );
  }
  return (
    <div className="sv-table-wrap">
      <table className="sv-table sv-clickable" data-testid="sv-complaints-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.complaints.code')}</th>
            <th scope="col">{t('supervisor.complaints.deadline')}</th>
            <th scope="col">{t('supervisor.complaints.state')}</th>
            <th scope="col">{t('supervisor.complaints.department')}</th>
            <th scope="col">{t('supervisor.complaints.phone')}</th>
            <th scope="col">{t('supervisor.complaints.excerpt')}</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((c) => (
            <ItemRow key={c.id} item={c} href={sectionPath('complaints', c.id)} selected={selected} testid="sv-complaint-row" code={c.trackingCode}>
              <td>
                <ItemLink href={sectionPath('complaints', c.id)} className="sv-code">
                  {c.trackingCode}
                </ItemLink>
                <br />
                <small>
                  {t(`supervisor.kind.${c.kind}`)} · {dateTime(c.filedAt)}
                </small>
              </td>
              <td>
                <Deadline deadline={c.deadline} today={today} done={answered(c.state)} testid="sv-complaint-deadline" />
                <Flags overdue={c.overdue} escalated={c.escalated} />
              </td>
              <td data-testid="sv-complaint-state">{t(`supervisor.complaintState.${c.state}`)}</td>
              <td data-testid="sv-complaint-department">{c.department ?? t('supervisor.complaints.unassigned')}</td>
              <td data-testid="sv-complaint-phone">{shownPhone(c, seesFullPhone(staff.role)) ?? '—'}</td>
              <td>
                {c.prohibition !== null && (
                  <span className="sv-flag" title={names.prohibition(c.prohibition) ?? undefined}>
                    {t('supervisor.prohibitions.item', { n: c.prohibition })}
                  </span>
                )}{' '}
                {c.excerpt}
              </td>
            </ItemRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ComplaintDetailView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const client = useSupervision();
  const feed = useFeed();
  return (
    <ItemDetail section="complaints" name="complaint" id={id} tick={feed.complaintsTick} load={(signal) => client.call('complaintDetail', { id }, { signal })} onChanged={onChanged}>
      {(detail, onDone) => <ComplaintDetailBody detail={detail} onDone={onDone} />}
    </ItemDetail>
  );
}

export function ComplaintDetailBody({ detail, onDone }: { detail: ComplaintDetail; onDone: (d: ComplaintDetail) => void }) {
  const names = useNames();
  const { today, dateTime } = useHallCalendar();
  const { t } = useTranslation();
  const staff = useStaff();
  const [acting, setActing] = useState<ComplaintActionName | null>(null);
  const actions = complaintActionsFor(staff, detail);
  const phone = shownPhone(detail, seesFullPhone(staff.role));
  return (
    <div data-testid="sv-complaint-detail" data-id={detail.id} data-state={detail.state}>
      <dl className="sv-facts">
        <dt>{t('supervisor.complaints.code')}</dt>
        <dd className="sv-code">{detail.trackingCode}</dd>
        <dt>{t('supervisor.complaints.kind')}</dt>
        <dd>
          {t(`supervisor.kind.${detail.kind}`)}
          {detail.prohibition !== null && (
            <span data-testid="sv-complaint-prohibition">
              {' · '}
              {t('supervisor.prohibitions.item', { n: detail.prohibition })}
              {names.prohibition(detail.prohibition) && `: ${names.prohibition(detail.prohibition)}`}
            </span>
          )}
        </dd>
        <dt>{t('supervisor.complaints.state')}</dt>
        <dd>
          {t(`supervisor.complaintState.${detail.state}`)} <Flags overdue={detail.overdue} escalated={detail.escalated} />
        </dd>
        <dt>{t('supervisor.complaints.filedAt')}</dt>
        <dd>{dateTime(detail.filedAt)}</dd>
        <dt>{t('supervisor.complaints.deadline')}</dt>
        <dd>
          <Deadline deadline={detail.deadline} today={today} done={answered(detail.state)} testid="sv-complaint-deadline-detail" />
        </dd>
        <dt>{t('supervisor.complaints.department')}</dt>
        <dd>{detail.department ?? t('supervisor.complaints.unassigned')}</dd>
        <dt>{t('supervisor.complaints.phone')}</dt>
        <dd data-testid="sv-complaint-phone-detail">{phone ?? t('supervisor.complaints.noPhone')}</dd>
      </dl>
      <h3>{t('supervisor.complaints.text')}</h3>
      <p className="sv-text" data-testid="sv-complaint-text">
        {detail.text}
      </p>
      {detail.response && (
        <>
          <h3>{t('supervisor.complaints.response')}</h3>
          <p className="sv-text" data-testid="sv-complaint-response">
            {detail.response}
          </p>
        </>
      )}
      {detail.feedback && (
        <>
          <h3>{t('supervisor.complaints.feedback')}</h3>
          <p className="sv-text" data-testid="sv-complaint-feedback">
            {detail.feedback}
          </p>
        </>
      )}
      <Steps steps={detail.steps} testid="sv-complaint-steps" stepTestid="sv-complaint-step" />
      {actions.length > 0 && acting === null && (
        <div className="sv-actions" role="group" aria-label={t('supervisor.complaints.actions')}>
          {actions.map((a) => (
            <button key={a} type="button" className="sv-btn primary" data-testid="sv-complaint-action" data-action={a} onClick={() => setActing(a)}>
              {t(`supervisor.complaintActions.${a}`)}
            </button>
          ))}
        </div>
      )}
      {acting !== null && (
        <ComplaintActionForm
          key={acting}
          id={detail.id}
          action={acting}
          staff={staff}
          current={detail.department}
          onCancel={() => setActing(null)}
          onDone={(d) => {
            setActing(null);
            onDone(d);
          }}
        />
      )}
    </div>
  );
}

export function ComplaintActionForm({
  id,
  action,
  staff,
  current,
  onCancel,
  onDone,
}: {
  id: string;
  action: ComplaintActionName;
  staff: StaffIdentity;
  current: string | null;
  onCancel: () => void;
  onDone: (d: ComplaintDetail) => void;
}) {
  const { t } = useTranslation();
  const client = useSupervision();
  const busy = useBusy();
  const [note, setNote] = useState('');
  const [department, setDepartment] = useState(current ?? '');
  const departments = useRemote(
    (signal) => (action === 'assign' && canListDepartments(staff.role) ? client.call('departments', {}, { signal }) : Promise.resolve({ departments: [] })),
    action,
  );
  const noteNeeded = action === 'respond' || action === 'feedback' || action === 'escalate';
  const complete = (!noteNeeded || note.trim() !== '') && (action !== 'assign' || department.trim() !== '');

  const body = (): ComplaintAction => {
    const text = note.trim();
    switch (action) {
      case 'assign':
        return { action, department: department.trim(), note: text || null };
      case 'close':
        return { action, note: text || null };
      default:
        return { action, note: text };
    }
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!complete) return;
    void busy.run('complaint', async (signal) => onDone(await client.call('complaintAction', { id, body: body() }, { signal })));
  };
  const options = departments.data?.departments ?? [];

  return (
    <form className="sv-action-form" data-testid="sv-complaint-action-form" data-action={action} onSubmit={submit} noValidate>
      <h3>{t(`supervisor.complaintActions.${action}`)}</h3>
      <p className="sv-muted">{t(`supervisor.complaintActions.${action}Hint`)}</p>
      {action === 'assign' && (
        <label className="sv-field">
          <span>{t('supervisor.complaints.department')}</span>
          {options.length > 0 ? (
            <select data-testid="sv-complaint-department-select" value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{t('supervisor.complaints.chooseDepartment')}</option>
              {options.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          ) : (
            <input data-testid="sv-complaint-department-select" maxLength={80} value={department} onChange={(e) => setDepartment(e.target.value)} />
          )}
        </label>
      )}
      <label className="sv-field">
        <span>{noteNeeded ? t('supervisor.note') : t('supervisor.noteOptional')}</span>
        <textarea data-testid="sv-complaint-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {busy.error !== undefined && (
        <p className="sv-error" role="alert" data-testid="sv-complaint-error">
          {supervisionErrorText(busy.error, t)}
        </p>
      )}
      <div className="sv-row">
        <button type="submit" className="sv-btn primary" data-testid="sv-complaint-submit" disabled={!complete || busy.busy !== null} aria-busy={busy.busy !== null}>
          {busy.busy ? t('supervisor.busy') : t(`supervisor.complaintActions.${action}`)}
        </button>
        <button type="button" className="sv-btn ghost" data-testid="sv-complaint-cancel" onClick={onCancel} disabled={busy.busy !== null}>
          {t('supervisor.cancel')}
        </button>
      </div>
    </form>
  );
}
