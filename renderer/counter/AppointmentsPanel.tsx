import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLang } from '../../core/contract/common.js';
import type { CounterQueue } from '../../core/contract/hall-api.js';
import type { Appointment } from '../../core/contract/queue.js';
import { ApiError } from '../api/client.js';
import { useClient } from '../api/context.js';
import { currentLang } from '../i18n/i18n.js';
import { CancelConfirm, useCancelAppointment, type CancelControls } from './CancelAppointment.js';
import { emptyDraft, serverFieldErrors, timeSlots, validateAppointment, type AppointmentDraft, type AppointmentField, type FieldError } from './appointmentForm.js';
import { counterErrorText } from './errors.js';
import { spacedCode } from './format.js';
import { useBusy } from './useBusy.js';
import type { Remote } from './useRemote.js';
import { DateField } from '../shared/DateField.js';

const SLOTS = timeSlots();

export interface AppointmentFormProps {
  draft: AppointmentDraft;
  errors: Partial<Record<AppointmentField, FieldError>>;
  services: CounterQueue['services'];
  today: string;
  busy: boolean;
  error: unknown;
  onChange: (field: AppointmentField, value: string) => void;
  onSubmit: () => void;
}

/** What the clerk types while on the phone with the business. */
export function AppointmentForm(p: AppointmentFormProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    p.onSubmit();
  };
  const field = (name: AppointmentField, control: ReactNode) => (
    <div className={`field ${p.errors[name] ? 'invalid' : ''}`}>
      <label htmlFor={`appt-${name}`}>{t(`counter.appointment.field.${name}`)}</label>
      {control}
      {p.errors[name] && (
        <span className="field-error" id={`appt-${name}-error`} data-testid={`appt-error-${name}`} role="alert">
          {t(`counter.appointment.fieldError.${p.errors[name]}`)}
        </span>
      )}
    </div>
  );
  const common = (name: AppointmentField) => ({
    id: `appt-${name}`,
    'data-testid': `appt-${name}`,
    value: p.draft[name],
    'aria-invalid': p.errors[name] ? true : undefined,
    'aria-describedby': p.errors[name] ? `appt-${name}-error` : undefined,
  });
  return (
    <form className="appointment-form" onSubmit={submit} noValidate data-testid="appointment-form">
      {field('enterprise', <input {...common('enterprise')} maxLength={100} onChange={(e) => p.onChange('enterprise', e.target.value)} />)}
      {field('contactPhone', <input {...common('contactPhone')} type="tel" inputMode="tel" maxLength={16} onChange={(e) => p.onChange('contactPhone', e.target.value)} />)}
      {field('matter', <input {...common('matter')} maxLength={100} onChange={(e) => p.onChange('matter', e.target.value)} />)}
      {field(
        'service',
        <select {...common('service')} onChange={(e) => p.onChange('service', e.target.value)}>
          <option value="">{t('counter.appointment.choose')}</option>
          {p.services.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} · {pickLang(s.name, lang)}
            </option>
          ))}
        </select>,
      )}
      <div className="field-row">
        {field('date', <DateField {...common('date')} min={p.today} onChange={(text) => p.onChange('date', text)} />)}
        {field(
          'slot',
          <select {...common('slot')} onChange={(e) => p.onChange('slot', e.target.value)}>
            <option value="">{t('counter.appointment.choose')}</option>
            {SLOTS.map((s) => (
              <option key={s} value={s}>
                {s.replace('-', '–')}
              </option>
            ))}
          </select>,
        )}
      </div>
      {p.error !== undefined && (
        <p className="error-text" role="alert" data-testid="appointment-error">
          {counterErrorText(p.error, t)}
        </p>
      )}
      <button type="submit" className="btn primary" data-testid="appointment-submit" disabled={p.busy} aria-busy={p.busy}>
        {p.busy ? t('counter.busy') : t('counter.appointment.submit')}
      </button>
    </form>
  );
}

/** The code to read out on the phone, digits grouped. */
export function BookedCode({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="booked" role="status" data-testid="appointment-booked">
      <p>{t('counter.appointment.booked', { enterprise: appointment.enterprise, date: appointment.date, from: appointment.from, to: appointment.to })}</p>
      <p className="booked-label">{t('counter.appointment.codeLabel')}</p>
      <p className="booked-code" data-testid="appointment-code" data-code={appointment.code}>
        {spacedCode(appointment.code)}
      </p>
      <p className="hint">{t('counter.appointment.codeHint')}</p>
      <button type="button" className="btn" data-testid="appointment-new" onClick={onDone}>
        {t('counter.appointment.another')}
      </button>
    </div>
  );
}

/** Today's appointments; a booked one can be cancelled after a confirm step, cancelled ones stay listed struck through. */
export function AppointmentList({ appointments, error, cancel }: { appointments: Appointment[] | undefined; error: unknown; cancel?: CancelControls }) {
  const { t } = useTranslation();
  const cancelled = appointments?.filter((a) => a.state === 'cancelled').length ?? 0;
  return (
    <div className="appointment-list" data-testid="appointment-list">
      <h3>
        {t('counter.appointment.today', { count: (appointments?.length ?? 0) - cancelled })}
        {cancelled > 0 && (
          <span className="sub-count" data-testid="appointment-cancelled-count">
            {t('counter.appointment.cancelledCount', { n: cancelled })}
          </span>
        )}
      </h3>
      {error !== undefined && <p className="error-text">{counterErrorText(error, t)}</p>}
      {appointments && appointments.length === 0 && <p className="empty">{t('counter.appointment.noneToday')}</p>}
      {appointments && appointments.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('counter.appointment.col.time')}</th>
              <th>{t('counter.appointment.col.enterprise')}</th>
              <th>{t('counter.appointment.col.phone')}</th>
              <th>{t('counter.appointment.col.line')}</th>
              <th>{t('counter.appointment.col.state')}</th>
              {cancel && <th />}
            </tr>
          </thead>
          <tbody>
            {appointments.map((a) => (
              <Fragment key={a.id}>
                <tr data-testid="appointment-row" data-code={a.code} data-state={a.state} className={a.state === 'cancelled' ? 'cancelled' : undefined}>
                  <td>
                    {a.from}–{a.to}
                  </td>
                  <td>
                    {a.enterprise}
                    <span className="sub">{a.matter}</span>
                  </td>
                  <td data-testid="appointment-phone">{a.phoneMasked}</td>
                  <td>{a.service}</td>
                  <td data-testid="appointment-state">
                    {t(`counter.appointment.state.${a.state}`)}
                    {a.cancelled?.reason && <span className="sub">{a.cancelled.reason}</span>}
                  </td>
                  {cancel && (
                    <td>
                      {a.state === 'booked' && cancel.step?.id !== a.id && (
                        <button type="button" className="btn ghost" data-testid="appointment-cancel" onClick={() => cancel.ask(a)}>
                          {t('counter.appointment.cancel')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
                {cancel?.step?.id === a.id && (
                  <tr>
                    <td colSpan={6}>
                      <CancelConfirm appointment={a} step={cancel.step} controls={cancel} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Phone appointments: the form, the code once booked, and today's list. */
export function AppointmentsPanel({ services, list, today }: { services: CounterQueue['services']; list: Remote<{ appointments: Appointment[] }>; today: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const action = useBusy();
  const [draft, setDraft] = useState(() => emptyDraft(today));
  const [errors, setErrors] = useState<Partial<Record<AppointmentField, FieldError>>>({});
  const [booked, setBooked] = useState<Appointment | null>(null);
  const cancel = useCancelAppointment(list.reload);

  const change = (f: AppointmentField, v: string) => {
    setDraft((d) => ({ ...d, [f]: v }));
    setErrors((e) => ({ ...e, [f]: undefined }));
  };
  const submit = () => {
    const checked = validateAppointment(draft, today);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    void action.run('book', async (signal) => {
      try {
        const appt = await client.call('createAppointment', { body: checked.body }, { signal });
        setBooked(appt);
        setDraft(emptyDraft(today));
        list.reload();
      } catch (err) {
        if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setErrors(serverFieldErrors(err.details));
        throw err;
      }
    });
  };

  return (
    <section className="panel appointments-panel" aria-labelledby="appt-title" data-testid="appointments-panel">
      <h2 id="appt-title">{t('counter.appointment.title')}</h2>
      {booked ? (
        <BookedCode appointment={booked} onDone={() => setBooked(null)} />
      ) : (
        <AppointmentForm draft={draft} errors={errors} services={services} today={today} busy={action.busy !== null} error={action.error} onChange={change} onSubmit={submit} />
      )}
      <AppointmentList appointments={list.data?.appointments} error={list.error} cancel={cancel} />
    </section>
  );
}
