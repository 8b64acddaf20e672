import { createContext, useContext, type ReactNode } from 'react';
import { hallDateTime, hallDay } from '../../core/common/hall-time.js';
import type { StaffIdentity } from '../../core/contract/supervision-api.js';
import { HallZoneProvider, useHallZone } from '../shared/hallZone.js';
import type { SupervisionClient } from './client.js';

const ClientContext = createContext<SupervisionClient | null>(null);
const StaffContext = createContext<StaffIdentity | null>(null);

export function SupervisionProvider({ client, staff, timeZone, children }: { client: SupervisionClient; staff: StaffIdentity | null; timeZone: string | null; children: ReactNode }) {
  return (
    <ClientContext.Provider value={client}>
      <StaffContext.Provider value={staff}>
        <HallZoneProvider zone={timeZone}>{children}</HallZoneProvider>
      </StaffContext.Provider>
    </ClientContext.Provider>
  );
}

export function useSupervision(): SupervisionClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useSupervision outside SupervisionProvider');
  return client;
}

/** The signed-in account; only rendered inside a session. */
export function useStaff(): StaffIdentity {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff outside a session');
  return staff;
}

/** The hall's today and its clock, from the session (the pages run in any browser, in any zone). */
export function useHallCalendar(): { today: string; zone: string; dateTime: (iso: string) => string } {
  const zone = useHallZone();
  if (!zone) throw new Error('useHallCalendar outside a session');
  return { today: hallDay(Date.now(), zone), zone, dateTime: (iso) => hallDateTime(iso, zone) };
}
