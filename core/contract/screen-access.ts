import { z } from 'zod';
import type { RouteName } from './api.js';
import type { ScreenMessage } from './hall-api.js';

/**
 * Screens on another computer than the terminal service (a hall TV's browser, a rating screen or a
 * kiosk on a second PC). Screens on the terminal's own PC (loopback) may call every route; a
 * browser elsewhere gets only the call board unless an operator paired it (npm run terminal:pair)
 * for some of these roles.
 */
export const SCREEN_ROLES = ['kiosk', 'counter', 'rating', 'hall', 'status'] as const;
export const ScreenRole = z.enum(SCREEN_ROLES);
export type ScreenRole = z.infer<typeof ScreenRole>;

/** What an unpaired browser on another computer is: a hall board. */
export const UNPAIRED_ROLES: readonly ScreenRole[] = ['hall'];

/** The screen roles that may call each route from another computer. A new route must say who may call it. */
export const ROUTE_SCREENS: Record<RouteName, readonly ScreenRole[]> = {
  health: ['kiosk', 'counter', 'rating', 'status'],
  kioskConfig: ['kiosk'],
  findCertificates: ['counter'],
  getCertificate: ['counter'],
  handOverCertificate: ['counter'],
  reprintCertificate: ['counter'],
  mailCertificate: ['counter'],
  mailState: ['counter'],
  electronicLink: ['counter'],
  kioskPrintCertificate: ['kiosk'],
  trackCertificate: ['kiosk'],
  verifyCertificate: ['kiosk', 'counter'],
  searchProcedures: ['kiosk'],
  getProcedure: ['kiosk'],
  listCategories: ['kiosk'],
  listProhibitions: ['kiosk'],
  announcements: ['kiosk'],
  syncStatus: ['status'],
  queueLines: ['kiosk'],
  procedureLine: ['kiosk'],
  takeTicket: ['kiosk'],
  checkin: ['kiosk'],
  checkinByPhone: ['kiosk'],
  printerStatus: ['kiosk', 'counter'],
  printChecklist: ['kiosk'],
  board: ['hall', 'kiosk', 'counter', 'rating', 'status'],
  counterLogin: ['counter'],
  counterLogout: ['counter'],
  counterPresence: ['counter'],
  windowClerk: ['counter', 'rating'],
  counterQueue: ['counter'],
  counterConflictRead: ['counter'],
  counterAction: ['counter'],
  createAppointment: ['counter'],
  cancelAppointment: ['counter'],
  listAppointments: ['counter'],
  printJobs: ['counter'],
  reprint: ['counter'],
  a4Jobs: ['counter'],
  reprintA4: ['counter'],
  ratingPrompt: ['rating'],
  submitRating: ['rating'],
  ratingByTicket: ['kiosk'],
  rateByTicket: ['kiosk'],
  fileOpinion: ['kiosk'],
  trackOpinion: ['kiosk'],
};

/** The live messages (/api/live) each role's screen needs; a board gets calls and "refetch" only. */
export const LIVE_FEEDS: Record<ScreenRole, readonly ScreenMessage['type'][]> = {
  hall: ['call', 'queue'],
  kiosk: ['hello', 'queue', 'scan'],
  counter: ['hello', 'queue', 'status'],
  rating: ['hello', 'rating'],
  status: ['hello', 'status'],
};

/** The one-time code printed by `npm run terminal:pair`, as typed or read from the pairing address. */
export const PairBody = z.object({ code: z.string().trim().min(1).max(64) });
export const PairResult = z.object({ name: z.string(), roles: z.array(ScreenRole).min(1) });
export type PairResult = z.infer<typeof PairResult>;

/** The cookie a paired browser keeps its token in (HttpOnly, sent with every request and the live socket). */
export const SCREEN_COOKIE = 'hall_screen';
