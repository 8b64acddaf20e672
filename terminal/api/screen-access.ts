import type { FastifyRequest } from 'fastify';
import { AppError, api, LIVE_FEEDS, ROUTE_SCREENS, SCREEN_COOKIE, SCREEN_ROLES, UNPAIRED_ROLES, type RouteName, type ScreenMessage, type ScreenRole } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { screenRoles } from '../../core/screens/pairing.js';
import { cookieValue, isAllowedLoopbackRequest, isLoopbackAddress, isSameOrigin } from './guard.js';

/** Who is asking: a screen on this PC (every route), or a browser on another computer with the roles it was paired for. */
export type Access = { local: true } | { local: false; roles: readonly ScreenRole[]; token: string | null };

export const LIVE_PATH = '/api/live';
export const PAIR_PATH = '/api/pair';

const ROUTE_BY_KEY = new Map(Object.entries(api).map(([name, r]) => [`${r.method} ${r.path}`, name as RouteName]));
const PAGE_ROLES: ReadonlySet<string> = new Set(SCREEN_ROLES);

/** Decided by the socket's peer address; a forged Host or Origin changes nothing for a remote peer. */
export function screenAccess(db: Db, req: FastifyRequest): Access | AppError {
  const { host, origin } = req.headers;
  if (isLoopbackAddress(req.socket.remoteAddress)) return isAllowedLoopbackRequest(host, origin) ? { local: true } : new AppError('FORBIDDEN');
  const token = cookieValue(req.headers.cookie, SCREEN_COOKIE);
  const roles = token ? screenRoles(db, token) : null;
  if (!token || !roles) return { local: false, roles: UNPAIRED_ROLES, token: null };
  // The token rides in a cookie, so a page of another site in the paired browser must not ride along.
  if (!isSameOrigin(host, origin)) return new AppError('FORBIDDEN');
  return { local: false, roles, token };
}

/** Why a browser on another computer may not make this request, or null when it may. */
export function remoteRefusal(access: Extract<Access, { local: false }>, req: FastifyRequest): AppError | null {
  // The route the router matched decides, not the path as written (//api/…, /hall/../api/…).
  const routeUrl = req.routeOptions.url;
  const path = req.url.split('?')[0]!;
  let allowed: boolean;
  if (routeUrl === LIVE_PATH || routeUrl === PAIR_PATH) allowed = true;
  else if (routeUrl?.startsWith('/api/')) {
    const name = ROUTE_BY_KEY.get(`${req.method === 'HEAD' ? 'GET' : req.method} ${routeUrl}`);
    allowed = name !== undefined && ROUTE_SCREENS[name].some((r) => access.roles.includes(r));
  } else if (routeUrl !== undefined) allowed = true; // a built file of the screens (script, style, font): code, no data
  else if (path.startsWith('/api/')) allowed = false;
  else {
    const page = path.split('/').filter(Boolean)[0] ?? '';
    allowed = page === 'pair' || (PAGE_ROLES.has(page) && access.roles.includes(page as ScreenRole));
  }
  if (allowed) return null;
  return new AppError(access.token ? 'SCREEN_ROLE_FORBIDDEN' : 'SCREEN_NOT_PAIRED');
}

/** Which live messages a socket gets: all of them on this PC, only its roles' elsewhere. */
export function liveFeed(access: Access): (type: ScreenMessage['type']) => boolean {
  if (access.local) return () => true;
  const types = new Set(access.roles.flatMap((r) => LIVE_FEEDS[r]));
  return (type) => types.has(type);
}
