import { createContext, useContext, type ReactNode } from 'react';
import { hallDay, hallMoment } from '../../core/common/hall-time.js';

const ZoneContext = createContext<string | null>(null);

/**
 * The hall's time zone for everything below: times and "today" are the hall's, not the browser's.
 * Null until the terminal has said it; a time is then left out rather than shown in the wrong zone.
 */
export function HallZoneProvider({ zone, children }: { zone: string | null; children: ReactNode }) {
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

export function useHallZone(): string | null {
  return useContext(ZoneContext);
}

/** 09:05 on the hall's clock; an unreadable time is shown as it came. */
export function clockTime(iso: string, zone: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : hallMoment(iso, zone).time;
}

/** The hall's date now, YYYY-MM-DD. */
export const hallToday = (zone: string, now: number = Date.now()) => hallDay(now, zone);
