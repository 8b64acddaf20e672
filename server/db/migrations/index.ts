import type { Migration } from 'kysely';
import { m0001 } from './0001-terminals-staff-nonces.js';
import { m0002 } from './0002-events.js';
import { m0003 } from './0003-changes.js';
import { m0004 } from './0004-terminal-status.js';
import { m0005 } from './0005-queue.js';
import { m0006 } from './0006-supervision.js';
import { m0007 } from './0007-announcements.js';
import { m0008 } from './0008-appointment-cancel.js';
import { m0009 } from './0009-failed-events.js';
import { m0010 } from './0010-queue-reconcile.js';
import { m0011 } from './0011-receipt-presence.js';
import { m0012 } from './0012-rating-provenance.js';
import { m0014 } from './0014-attempt-failures.js';
import { m0016 } from './0016-ticket-rating-codes.js';
import { m0013 } from './0013-staff-halls.js';
import { m0018 } from './0018-staff-faces.js';
import { m0019 } from './0019-certificates.js';

/** Applied in key order by Kysely's Migrator, on PGlite and PostgreSQL alike. Never edit a released step. */
export const SERVER_MIGRATIONS: Record<string, Migration> = {
  '0001-terminals-staff-nonces': m0001,
  '0002-events': m0002,
  '0003-changes': m0003,
  '0004-terminal-status': m0004,
  '0005-queue': m0005,
  '0006-supervision': m0006,
  '0007-announcements': m0007,
  '0008-appointment-cancel': m0008,
  '0009-failed-events': m0009,
  '0010-queue-reconcile': m0010,
  '0011-receipt-presence': m0011,
  '0012-rating-provenance': m0012,
  '0014-attempt-failures': m0014,
  '0016-ticket-rating-codes': m0016,
  '0013-staff-halls': m0013,
  '0018-staff-faces': m0018,
  '0019-certificates': m0019,
};
