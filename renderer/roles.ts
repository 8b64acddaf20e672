import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * One entry per screen role, each under its own path and loaded only when opened.
 * Counter, rating and hall are added here as they are built.
 */
export const ROLES: Record<string, LazyExoticComponent<ComponentType>> = {
  kiosk: lazy(() => import('./kiosk/KioskApp.js')),
  counter: lazy(() => import('./counter/CounterApp.js')),
  hall: lazy(() => import('./hall/HallApp.js')),
  status: lazy(() => import('./status/StatusApp.js')),
  rating: lazy(() => import('./rating/RatingApp.js')),
  supervisor: lazy(() => import('./supervisor/SupervisorApp.js')),
  pair: lazy(() => import('./pair/PairApp.js')),
  /** The central server's public certificate check (no sign-in). */
  verify: lazy(() => import('./verify/VerifyApp.js')),
};


/** The role a path belongs to: its first segment. */
export function roleOfPath(path: string): string | null {
  return path.split('/').filter(Boolean)[0] ?? null;
}

/**
 * The screens a visitor touches or only looks at may hold their scale (a pinch on a kiosk would strand
 * the next visitor); staff screens (counter, supervision, status) must let their users zoom.
 */
const FIXED_SCALE = new Set(['kiosk', 'rating', 'hall']);

/** The viewport meta content for a role's screen. */
export function viewportOf(role: string | null): string {
  return role !== null && FIXED_SCALE.has(role) ? 'width=device-width, initial-scale=1, user-scalable=no' : 'width=device-width, initial-scale=1';
}
