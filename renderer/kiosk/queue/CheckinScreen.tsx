/*
 * Check in for an appointment (/kiosk/checkin) — test ids:
 *   checkin-scan-hint, checkin-mode-code, checkin-mode-phone (aria-pressed), numpad (keys carry data-key 0–9,
 *   clear, backspace), checkin-code, checkin-code-phone (the phone's last four typed after the code) and checkin-phone
 *   (data-value = digits typed), checkin-submit, phone-lookup,
 *   appointment-option (data-id), phone-none, phone-again, checkin-busy, queue-error (data-kind: not-found,
 *   already-checked-in, network, server, unexpected), checkin-walk-in (after not-found or no appointment for the phone:
 *   take a walk-in ticket instead); success shows the TicketView ids (see TakeTicketScreen).
 * A scan anywhere on this screen (keyboard-wedge, or the serial scanner's live 'scan' message) checks in with the scanned text;
 * an older confirmation QR without the phone's digits fills in the code and waits for them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { useClient } from '../../api/context.js';
import { parseAppointmentCode } from '../../../core/common/appointment-code.js';
import { currentLang } from '../../i18n/i18n.js';
import { useLive } from '../../shared/useLive.js';
import { useWedgeScanner } from '../../shared/useWedgeScanner.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { useSession } from '../state.js';
import { AppointmentChoice, type PhoneAppointment } from './AppointmentChoice.js';
import { APPOINTMENT_CODE_LENGTH, applyPadKey, padKeyOf, PHONE_DIGITS, type PadKey } from './digits.js';
import { DigitBoxes, NumberPad } from './NumberPad.js';
import { queueProblem } from './errors.js';
import { ProblemMessage } from './ProblemMessage.js';
import { TicketView } from './TicketView.js';
import { useAction } from './useAction.js';
import { WalkInLink } from './WalkInLink.js';

type Mode = 'code' | 'phone';
const ENTRY_LENGTH = APPOINTMENT_CODE_LENGTH + PHONE_DIGITS;

export function CheckinScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const [mode, setMode] = useState<Mode>('code');
  /** The code's six digits, then the phone's last four. */
  const [entry, setEntry] = useState('');
  const [phone, setPhone] = useState('');
  const [appointments, setAppointments] = useState<PhoneAppointment[] | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  /** What the running call is, for the busy message. */
  const [doing, setDoing] = useState<'checkin' | 'lookup'>('checkin');
  const [issued, setIssued] = useState<IssuedTicket | null>(null);

  const code = entry.slice(0, APPOINTMENT_CODE_LENGTH);
  const codeLast4 = entry.slice(APPOINTMENT_CODE_LENGTH);
  const checkinByCode = (text: string, last4: string | null) => {
    if (!action.busy) setDoing('checkin');
    return action.run(async (signal) => setIssued(await client.call('checkin', { body: { by: 'code', code: text, last4, lang } }, { signal })));
  };

  const lookup = () => {
    setDoing('lookup');
    return action.run(async (signal) => setAppointments((await client.call('checkinByPhone', { last4: phone }, { signal })).appointments));
  };

  const choose = (a: PhoneAppointment) => {
    setDoing('checkin');
    setBusyId(a.id);
    void action
      .run(async (signal) => setIssued(await client.call('checkin', { body: { by: 'phone', appointmentId: a.id, last4: phone, lang } }, { signal })))
      .finally(() => setBusyId(null));
  };

  const typing = issued === null && !action.busy && (mode === 'code' || appointments === null);
  const press = (key: PadKey) => {
    action.clearError();
    if (mode === 'code') setEntry((c) => applyPadKey(c, key, ENTRY_LENGTH));
    else setPhone((p) => applyPadKey(p, key, PHONE_DIGITS));
  };

  // The confirmation's QR code, read by the scanner, goes straight to check-in whatever mode is open:
  // a keyboard-wedge scanner types it, a serial one reaches us through the terminal's live channel.
  const scanning = issued === null && !action.busy;
  const onScan = (scanned: string) => {
    const parsed = parseAppointmentCode(scanned);
    if (parsed && parsed.last4 === null) {
      setMode('code');
      setEntry(parsed.code);
      action.clearError();
      return;
    }
    setEntry('');
    void checkinByCode(scanned, null);
  };
  useWedgeScanner(onScan, { enabled: scanning });
  useLive((msg) => {
    if (msg.type === 'scan' && scanning) onScan(msg.code);
  });

  // A physical keyboard types into the pad too (staff helping, or a visitor who prefers keys).
  useEffect(() => {
    if (!typing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
      const key = padKeyOf(e.key);
      if (!key) return;
      e.preventDefault();
      action.clearError();
      if (mode === 'code') setEntry((c) => applyPadKey(c, key, ENTRY_LENGTH));
      else setPhone((p) => applyPadKey(p, key, PHONE_DIGITS));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [typing, mode, action.clearError]);

  if (issued) return <TicketView issued={issued} kind="checkin" onDone={session.reset} />;

  const switchTo = (m: Mode) => {
    setMode(m);
    action.clearError();
  };

  return (
    <section className="screen checkin" data-testid="checkin">
      <ScreenHeader title={t('kiosk.checkin.title')} back>
        <p className="lead">{t('kiosk.checkin.lead')}</p>
      </ScreenHeader>

      <div className="checkin-scan" data-testid="checkin-scan-hint">
        <ScanIcon />
        <p>{t('kiosk.checkin.scanHint')}</p>
      </div>

      <div className="checkin-modes" role="group" aria-label={t('kiosk.checkin.modesLabel')}>
        <button type="button" className="mode-button" data-testid="checkin-mode-code" aria-pressed={mode === 'code'} disabled={action.busy} onClick={() => switchTo('code')}>
          {t('kiosk.checkin.byCode')}
        </button>
        <button type="button" className="mode-button" data-testid="checkin-mode-phone" aria-pressed={mode === 'phone'} disabled={action.busy} onClick={() => switchTo('phone')}>
          {t('kiosk.checkin.byPhone')}
        </button>
      </div>

      {action.busy && busyId === null && (
        <p className="status loading checkin-busy" role="status" data-testid="checkin-busy">
          {doing === 'lookup' ? t('kiosk.checkin.searching') : t('kiosk.checkin.checkingIn')}
        </p>
      )}
      {action.error !== undefined && (
        <ProblemMessage error={action.error}>{queueProblem(action.error).kind === 'not-found' && <WalkInLink />}</ProblemMessage>
      )}

      {mode === 'code' ? (
        <div className="checkin-entry">
          <p className="checkin-prompt">{t('kiosk.checkin.codePrompt')}</p>
          <div className="checkin-fields">
            <p className="checkin-field-label">{t('kiosk.checkin.codeLabel')}</p>
            <DigitBoxes digits={code} length={APPOINTMENT_CODE_LENGTH} testid="checkin-code" label={t('kiosk.checkin.codeLabel')} />
            <p className="checkin-field-label">{t('kiosk.checkin.phoneLabel')}</p>
            <DigitBoxes digits={codeLast4} length={PHONE_DIGITS} testid="checkin-code-phone" label={t('kiosk.checkin.phoneLabel')} active={code.length === APPOINTMENT_CODE_LENGTH} />
          </div>
          <NumberPad onKey={press} disabled={action.busy} />
          <button
            type="button"
            className="button primary big checkin-go"
            data-testid="checkin-submit"
            disabled={entry.length !== ENTRY_LENGTH || action.busy}
            aria-busy={action.busy}
            onClick={() => void checkinByCode(code, codeLast4)}
          >
            {action.busy && doing === 'checkin' ? t('kiosk.checkin.checkingIn') : t('kiosk.checkin.submit')}
          </button>
        </div>
      ) : appointments === null ? (
        <div className="checkin-entry">
          <p className="checkin-prompt">{t('kiosk.checkin.phonePrompt')}</p>
          <DigitBoxes digits={phone} length={PHONE_DIGITS} testid="checkin-phone" label={t('kiosk.checkin.phoneLabel')} />
          <NumberPad onKey={press} disabled={action.busy} />
          <button
            type="button"
            className="button primary big checkin-go"
            data-testid="phone-lookup"
            disabled={phone.length !== PHONE_DIGITS || action.busy}
            aria-busy={action.busy}
            onClick={() => void lookup()}
          >
            {action.busy && doing === 'lookup' ? t('kiosk.checkin.searching') : t('kiosk.checkin.find')}
          </button>
        </div>
      ) : (
        <AppointmentChoice
          appointments={appointments}
          busyId={busyId}
          onChoose={choose}
          onAgain={() => {
            setAppointments(null);
            setPhone('');
            action.clearError();
          }}
        />
      )}
    </section>
  );
}

/** A QR code in a scanner's frame: "hold your code here". Decorative; the text says it. */
export function ScanIcon() {
  return (
    <svg className="scan-icon" width={96} height={96} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path d="M4 14V4h10M34 4h10v10M44 34v10H34M14 44H4V34" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      <path d="M13 13h8v8h-8zM27 13h8v8h-8zM13 27h8v8h-8zM27 27h3v3h-3zM32 32h3v3h-3zM27 32h3v3h-3z" fill="currentColor" />
    </svg>
  );
}
