import type { Migration } from '../migrate.js';
import { m0001 } from './0001-device-and-outbox.js';
import { m0002 } from './0002-catalog.js';
import { m0003 } from './0003-search.js';
import { m0004 } from './0004-enrollment.js';
import { m0005 } from './0005-upload.js';
import { m0006 } from './0006-print-jobs.js';
import { m0007 } from './0007-queue.js';
import { m0008 } from './0008-ratings.js';
import { m0009 } from './0009-opinions.js';
import { m0010 } from './0010-announcements.js';
import { m0011 } from './0011-queue-reconcile.js';
import { m0012 } from './0012-announced-calls.js';
import { m0013 } from './0013-clock-boot.js';
import { m0016 } from './0016-counter-credentials.js';

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0016];
