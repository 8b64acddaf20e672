import type { FastifyInstance } from 'fastify';
import { AppError, PairBody, SCREEN_COOKIE, type PairResult } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { completePairing } from '../../core/screens/pairing.js';
import { PAIR_PATH } from './screen-access.js';

/** Chromium keeps a cookie at most 400 days; a paired screen's page loads renew it. */
const COOKIE_MAX_AGE_S = 400 * 24 * 3600;

export function screenCookie(token: string): string {
  return `${SCREEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}`;
}

/**
 * POST /api/pair {code}: a browser on another computer trades the one-time code printed by
 * `npm run terminal:pair` for its screen token, which it keeps as an HttpOnly cookie. Outside the
 * contract table because its answer sets that cookie, which a contract handler cannot.
 */
export function registerPairRoute(app: FastifyInstance, db: Db, now: () => Date): void {
  app.post(PAIR_PATH, async (req, reply) => {
    const body = PairBody.safeParse(req.body);
    if (!body.success) throw new AppError('VALIDATION_FAILED');
    const paired = completePairing(db, body.data.code, now());
    if (!paired) throw new AppError('PAIRING_CODE_INVALID');
    reply.header('set-cookie', screenCookie(paired.token));
    return { name: paired.name, roles: paired.roles } satisfies PairResult;
  });
}
