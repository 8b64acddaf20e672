import { AppointmentBody } from '../../core/contract/hall-api.js';
import type { z } from 'zod';
import { parseDateText } from '../shared/date-text.js';

export const APPOINTMENT_FIELDS = ['enterprise', 'contactPhone', 'matter', 'service', 'date', 'slot'] as const;
export type AppointmentField = (typeof APPOINTMENT_FIELDS)[number];

/** Keys of counter.appointment.fieldError. */
export const FIELD_ERRORS = ['required', 'enterprise', 'phone', 'matter', 'past', 'invalid'] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];

export type AppointmentDraft = Record<AppointmentField, string>;
export type AppointmentInput = z.input<typeof AppointmentBody>;

export function emptyDraft(today: string): AppointmentDraft {
  return { enterprise: '', contactPhone: '', matter: '', service: '', date: today, slot: '' };
}

/** Half-hour slots of the office day, "08:30-09:00" … "16:30-17:00". */
export function timeSlots(start = '08:30', end = '17:00', stepMin = 30): string[] {
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const toStr = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const out: string[] = [];
  for (let m = toMin(start); m + stepMin <= toMin(end); m += stepMin) out.push(`${toStr(m)}-${toStr(m + stepMin)}`);
  return out;
}

export type Validated = { ok: true; body: AppointmentInput } | { ok: false; errors: Partial<Record<AppointmentField, FieldError>> };

/** Checks the form as the contract will, and adds what only the screen knows (no date in the past). */
export function validateAppointment(d: AppointmentDraft, today: string): Validated {
  const errors: Partial<Record<AppointmentField, FieldError>> = {};
  for (const f of APPOINTMENT_FIELDS) if (d[f].trim() === '') errors[f] = 'required';
  const [from = '', to = ''] = d.slot.split('-');
  const body: AppointmentInput = {
    enterprise: d.enterprise.trim(),
    contactPhone: d.contactPhone.replace(/\s+/g, ''),
    matter: d.matter.trim(),
    service: d.service,
    // Typed year first in any of the usual ways (2026/12/1, 2026年12月1日): sent as the ISO date.
    date: parseDateText(d.date) ?? d.date,
    from,
    to,
  };
  const parsed = AppointmentBody.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.join('.'));
      if (field && !errors[field]) errors[field] = FIELD_SPECIFIC[field] ?? 'invalid';
    }
  }
  if (!errors.date && body.date < today) errors.date = 'past';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

const FIELD_SPECIFIC: Partial<Record<AppointmentField, FieldError>> = { enterprise: 'enterprise', contactPhone: 'phone', matter: 'matter' };

/** The form field a validation path points at ("body.contactPhone", "from"…), or null. */
export function fieldOfPath(path: string): AppointmentField | null {
  const last = path.split('.').filter(Boolean).at(-1) ?? '';
  if (last === 'from' || last === 'to') return 'slot';
  return (APPOINTMENT_FIELDS as readonly string[]).includes(last) ? (last as AppointmentField) : null;
}

/** Field errors from the service's VALIDATION_FAILED details, for the fields the screen has. */
export function serverFieldErrors(details: { path: string }[] | undefined): Partial<Record<AppointmentField, FieldError>> {
  const errors: Partial<Record<AppointmentField, FieldError>> = {};
  for (const d of details ?? []) {
    const f = fieldOfPath(d.path);
    if (f) errors[f] = FIELD_SPECIFIC[f] ?? 'invalid';
  }
  return errors;
}
