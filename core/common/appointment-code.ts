import { APPOINTMENT_QR_PREFIX } from '../contract/queue.js';

/** The confirmation's QR text for an appointment: its code and the booking phone's last four digits. */
export const appointmentQr = (code: string, last4: string) => `${APPOINTMENT_QR_PREFIX}${code}:${last4}`;

/**
 * A typed code or a scanned confirmation QR as { code, last4 }, or null when it cannot be one. An
 * older QR ("HALL-APPT:123456") carries no digits: last4 is then null and the visitor types them.
 */
export function parseAppointmentCode(text: string): { code: string; last4: string | null } | null {
  const t = text.trim();
  const qr = t.startsWith(APPOINTMENT_QR_PREFIX);
  const m = qr ? /^(\d{6})(?::(\d{4}))?$/.exec(t.slice(APPOINTMENT_QR_PREFIX.length)) : /^(\d{6})$/.exec(t);
  return m ? { code: m[1]!, last4: m[2] ?? null } : null;
}
