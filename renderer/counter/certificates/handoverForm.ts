import { normalizeResidentId, residentIdProblem } from '../../../core/common/resident-id.js';
import { Recipient } from '../../../core/contract/certificates.js';
import type { IdType } from './types.js';

/** What the clerk types for who collects a certificate; checked here before anything is sent. */
export interface HandoverDraft {
  kind: 'self' | 'proxy';
  name: string;
  idType: IdType;
  idNumber: string;
  letterChecked: boolean;
}

export type HandoverField = 'name' | 'idNumber' | 'letterChecked';
/** `idInvalid` and `letter` are shown in the service's own words (ID_NUMBER_INVALID, LETTER_NOT_CHECKED). */
export type HandoverProblem = 'required' | 'idInvalid' | 'idShort' | 'letter';
export type HandoverErrors = Partial<Record<HandoverField, HandoverProblem>>;

export const ID_TYPES: readonly IdType[] = ['resident', 'passport', 'hk-macao', 'taiwan', 'foreign-permanent', 'other'];

export const emptyHandover = (): HandoverDraft => ({ kind: 'self', name: '', idType: 'resident', idNumber: '', letterChecked: false });

/**
 * The ID number's problem, or null. `typing`: the clerk is still typing, so an unfinished number is not
 * wrong yet; a resident ID number is judged once it has its 18 characters (or a character that can never be in one).
 */
export function idNumberProblem(idType: IdType, raw: string, typing = false): HandoverProblem | null {
  const id = idType === 'resident' ? normalizeResidentId(raw) : raw.trim();
  if (id === '') return typing ? null : 'required';
  if (idType !== 'resident') return !typing && id.length < 4 ? 'idShort' : null;
  const problem = residentIdProblem(id);
  if (problem === null) return null;
  if (typing && id.length < 18 && /^\d*$/.test(id)) return null;
  return 'idInvalid';
}

export function checkHandover(d: HandoverDraft): { ok: true; recipient: Recipient } | { ok: false; errors: HandoverErrors } {
  const errors: HandoverErrors = {};
  if (d.name.trim() === '') errors.name = 'required';
  const id = idNumberProblem(d.idType, d.idNumber);
  if (id) errors.idNumber = id;
  if (d.kind === 'proxy' && !d.letterChecked) errors.letterChecked = 'letter';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const idNumber = d.idType === 'resident' ? normalizeResidentId(d.idNumber) : d.idNumber.trim();
  const parsed = Recipient.safeParse({ kind: d.kind, name: d.name.trim(), idType: d.idType, idNumber, letterChecked: d.kind === 'proxy' && d.letterChecked });
  if (!parsed.success) return { ok: false, errors: { name: 'required' } };
  return { ok: true, recipient: parsed.data };
}
