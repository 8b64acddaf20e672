import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { Appointment } from '../../core/contract/queue.js';
import { useClient } from '../api/context.js';
import { counterErrorText } from './errors.js';
import { useBusy } from './useBusy.js';

/** The appointment being cancelled. requestId is picked when the clerk asks, so pressing again after no answer cancels once. */
export interface CancelStep {
  id: string;
  requestId: string;
  reason: string;
  busy: boolean;
  error: unknown;
}

export interface CancelControls {
  step: CancelStep | null;
  ask: (a: Appointment) => void;
  setReason: (reason: string) => void;
  confirm: () => void;
  keep: () => void;
}

export function useCancelAppointment(onCancelled: () => void): CancelControls {
  const client = useClient();
  const action = useBusy();
  const [step, setStep] = useState<{ id: string; requestId: string; reason: string } | null>(null);
  return {
    step: step && { ...step, busy: action.busy !== null, error: action.error },
    ask: (a) => {
      action.clearError();
      setStep({ id: a.id, requestId: ulid(), reason: '' });
    },
    setReason: (reason) => setStep((s) => s && { ...s, reason }),
    confirm: () => {
      if (!step) return;
      void action.run('cancel', async (signal) => {
        await client.call('cancelAppointment', { id: step.id, body: { requestId: step.requestId, reason: step.reason.trim() || null } }, { signal });
        setStep(null);
        onCancelled();
      });
    },
    keep: () => {
      action.clearError();
      setStep(null);
    },
  };
}

/** Asked under the appointment's row: a stray click on "cancel" never cancels. */
export function CancelConfirm({ appointment, step, controls }: { appointment: Appointment; step: CancelStep; controls: CancelControls }) {
  const { t } = useTranslation();
  return (
    <div className="cancel-confirm" role="group" aria-labelledby="appt-cancel-ask" data-testid="appointment-cancel-step">
      <p id="appt-cancel-ask">{t('counter.appointment.cancelAsk', { enterprise: appointment.enterprise, from: appointment.from, to: appointment.to })}</p>
      <label htmlFor="appt-cancel-reason">{t('counter.appointment.cancelReason')}</label>
      <input id="appt-cancel-reason" data-testid="appointment-cancel-reason" maxLength={100} value={step.reason} onChange={(e) => controls.setReason(e.target.value)} />
      {step.error !== undefined && (
        <p className="error-text" role="alert" data-testid="appointment-cancel-error">
          {counterErrorText(step.error, t)}
        </p>
      )}
      <div className="cancel-actions">
        <button type="button" className="btn warn" data-testid="appointment-cancel-confirm" disabled={step.busy} aria-busy={step.busy} onClick={controls.confirm}>
          {step.busy ? t('counter.busy') : t('counter.appointment.cancelConfirm')}
        </button>
        <button type="button" className="btn" data-testid="appointment-cancel-keep" disabled={step.busy} onClick={controls.keep}>
          {t('counter.appointment.cancelKeep')}
        </button>
      </div>
    </div>
  );
}
