import type { Migration } from 'kysely';
import { m0001 } from './0001-terminals-staff-nonces.js';

/** Applied in key order by Kysely's Migrator, on PGlite and PostgreSQL alike. Never edit a released step. */
export const SERVER_MIGRATIONS: Record<string, Migration> = {
  '0001-terminals-staff-nonces': m0001,
};
