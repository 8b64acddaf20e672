import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../core/contract/api.js';
import { WalkInLink } from './WalkInLink.js';

export type PhoneAppointment = RouteOutput<'checkinByPhone'>['appointments'][number];

/** Today's appointments for the phone's last four digits: the visitor taps their own enterprise. */
export function AppointmentChoice({
  appointments,
  busyId,
  onChoose,
  onAgain,
}: {
  appointments: PhoneAppointment[];
  busyId: string | null;
  onChoose: (a: PhoneAppointment) => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="appointment-choice">
      {appointments.length === 0 ? (
        <div className="queue-banner" role="alert" data-testid="phone-none">
          <p>
            <strong>{t('kiosk.checkin.phoneNone')}</strong>
            <br />
            {t('kiosk.queue.askStaff')}
          </p>
          <WalkInLink />
        </div>
      ) : (
        <>
          <p className="checkin-prompt">{t('kiosk.checkin.chooseEnterprise')}</p>
          <ul className="appointment-list">
            {appointments.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="appointment-option"
                  data-testid="appointment-option"
                  data-id={a.id}
                  disabled={busyId !== null}
                  aria-busy={busyId === a.id}
                  onClick={() => onChoose(a)}
                >
                  <span className="appointment-enterprise">{a.enterprise}</span>
                  <span className="appointment-matter">{a.matter}</span>
                  <span className="appointment-time">
                    {busyId === a.id ? t('kiosk.checkin.checkingIn') : t('kiosk.checkin.slot', { from: a.from, to: a.to })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button big" data-testid="phone-again" disabled={busyId !== null} onClick={onAgain}>
        {t('kiosk.checkin.phoneAgain')}
      </button>
    </div>
  );
}
