import { hallInstant } from '../../../core/common/hall-time.js';
import { MailAddress, MailState } from '../../../core/contract/certificates.js';
import type { z } from 'zod';

/** The EMS waybill form; the contract's MailAddress is the one rule for what is acceptable. */
export const MAIL_FIELDS = ['recipient', 'phone', 'province', 'city', 'county', 'street', 'postcode', 'waybill'] as const;
export type MailField = (typeof MAIL_FIELDS)[number];
export type MailDraft = Record<MailField, string>;
export type MailProblem = 'required' | 'invalid';

export const emptyMail = (): MailDraft => ({ recipient: '', phone: '', province: '', city: '', county: '', street: '', postcode: '', waybill: '' });

export function checkMail(d: MailDraft): { ok: true; body: z.infer<typeof MailAddress> } | { ok: false; errors: Partial<Record<MailField, MailProblem>> } {
  const input = { ...d, phone: d.phone.replace(/\s/g, ''), postcode: d.postcode.trim(), waybill: d.waybill.replace(/\s/g, '').toUpperCase() };
  const parsed = MailAddress.safeParse(input);
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: Partial<Record<MailField, MailProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as MailField;
    errors[field] ??= input[field].trim() === '' ? 'required' : 'invalid';
  }
  return { ok: false, errors };
}

export interface MailStateDraft {
  state: 'posted' | 'delivered';
  /** YYYY-MM-DD and HH:MM on the hall's clock. */
  day: string;
  time: string;
  signer: string;
}
export type MailStateField = 'when' | 'signer';

/** Posted or delivered, when (hall time, never in the future) and, for delivered, who signed for it. */
export function checkMailState(d: MailStateDraft, timeZone: string, now: number): { ok: true; body: z.infer<typeof MailState> } | { ok: false; errors: Partial<Record<MailStateField, MailProblem>> } {
  const errors: Partial<Record<MailStateField, MailProblem>> = {};
  const at = /^\d{4}-\d{2}-\d{2}$/.test(d.day) && /^([01]\d|2[0-3]):[0-5]\d$/.test(d.time) ? hallInstant(d.day, d.time, timeZone) : Number.NaN;
  if (d.day.trim() === '' || d.time.trim() === '') errors.when = 'required';
  else if (Number.isNaN(at) || at > now + 60_000) errors.when = 'invalid';
  if (d.state === 'delivered' && d.signer.trim() === '') errors.signer = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = MailState.safeParse({ state: d.state, at: new Date(at).toISOString(), signer: d.state === 'delivered' ? d.signer.trim() : null });
  if (!parsed.success) return { ok: false, errors: { signer: 'invalid' } };
  return { ok: true, body: parsed.data };
}
