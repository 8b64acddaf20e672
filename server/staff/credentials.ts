import type { SyncChange, TerminalRole } from '../../core/contract/index.js';
import type { StoredCredential } from './repository.js';

/** The terminal a change page or snapshot is read for. */
export interface ChangeReader {
  hall: string;
  roles: readonly TerminalRole[];
}

/** A reader that holds no credentials (DESIGN.md §7: a terminal holds only what its role needs). */
export const NO_CREDENTIALS: ChangeReader = { hall: '', roles: [] };

/** Counters sign clerks in offline; no other role holds a password hash. */
export const holdsCredentials = (r: ChangeReader) => r.roles.includes('counter');

/**
 * What a terminal receives of a staff change: a counter of the clerk's hall the credential; any other
 * counter a delete, so a clerk moved away or disabled vanishes from the counters that held them; other
 * accounts (supervisors, admins…) and other terminals nothing. Null: the change is skipped, the
 * cursor still moves past it.
 */
export function staffChangeFor(reader: ChangeReader, change: SyncChange): SyncChange | null {
  if (!holdsCredentials(reader)) return null;
  const { hall, ...credential } = change.data as StoredCredential;
  if (credential.role !== 'clerk') return null;
  if (change.op === 'upsert' && hall === reader.hall && !credential.disabled) return { ...change, data: credential };
  return { ...change, op: 'delete', data: null };
}
