import { hallDay } from '../../core/common/hall-time.js';
import type { AttemptLimits } from '../auth/attempt-limits.js';
import { verifyPublicly } from '../certificates/public-verify.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerHandlers } from '../http/register.js';
import { certificateOverview, immediateTimes } from './certificates.js';

/** The 证照 section of the supervision pages and the public verification of a certificate's QR. */
export function certificateSupervisionHandlers(
  db: ServerDb,
  config: ServerConfig,
  limits: AttemptLimits,
): Pick<ServerHandlers, 'certificateOverview' | 'immediateTimes' | 'verifyCertificatePublic'> {
  return {
    certificateOverview: (range) =>
      certificateOverview(db, range, { today: hallDay(config.now(), config.hallTimeZone), timeZone: config.hallTimeZone, waitingDays: config.certificateWaitingDays }),
    immediateTimes: (q) => immediateTimes(db, q, config.hallTimeZone),
    verifyCertificatePublic: ({ body }, { clientAddress }) => verifyPublicly(db, limits, clientAddress, body.payload),
  };
}
