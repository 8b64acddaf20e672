import { createContext, useContext, type ReactNode } from 'react';
import type { StaffIdentity } from '../../core/contract/supervision-api.js';
import type { SupervisionClient } from './client.js';

const ClientContext = createContext<SupervisionClient | null>(null);
const StaffContext = createContext<StaffIdentity | null>(null);

export function SupervisionProvider({ client, staff, children }: { client: SupervisionClient; staff: StaffIdentity | null; children: ReactNode }) {
  return (
    <ClientContext.Provider value={client}>
      <StaffContext.Provider value={staff}>{children}</StaffContext.Provider>
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
