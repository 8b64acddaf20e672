import { sql } from 'kysely';
import { SyncSnapshot } from '../../core/contract/index.js';
import { currentAnnouncements } from '../announcements/repository.js';
import { upcomingAppointments } from '../appointments/repository.js';
import { verifyingKeys } from '../certificates/keys.js';
import { hallCertificates } from '../certificates/sync.js';
import type { ServerDb } from '../db/connection.js';
import { listHallConfigs } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { holdsCredentials, NO_CREDENTIALS, type ChangeReader } from '../staff/credentials.js';
import { hallClerkCredentials } from '../staff/repository.js';
import { latestSeq } from './seq.js';

/** Which appointments a snapshot still holds: those from the hall's today on. */
export interface SnapshotClock {
  now: number;
  timeZone: string;
}

const DEFAULT_CLOCK = (): SnapshotClock => ({ now: Date.now(), timeZone: 'Asia/Shanghai' });

/**
 * The current state of everything terminals download, and the seq it is current as of: catalog,
 * the credentials `reader` may hold (a counter: its hall's clerks; others none), booked and checked-in
 * appointments from today on, hall configs, the reader's hall's certificates (counters and kiosks) and
 * every verifying key.
 */
export async function snapshot(db: ServerDb, clock: SnapshotClock = DEFAULT_CLOCK(), reader: ChangeReader = NO_CREDENTIALS): Promise<SyncSnapshot> {
  return db.transaction().execute(async (trx) => {
    // Waits for appends in flight, so the data and the cursor belong together.
    await sql`LOCK TABLE changes IN SHARE MODE`.execute(trx);
    const cursor = await latestSeq(trx);
    const cat = await trx.selectFrom('catalog').select('doc').where('id', '=', 1).executeTakeFirst();
    return SyncSnapshot.parse({
      cursor,
      catalog: cat?.doc ?? null,
      staff: holdsCredentials(reader) ? await hallClerkCredentials(trx, reader.hall) : [],
      appointments: await upcomingAppointments(trx, hallDay(clock.now, clock.timeZone)),
      halls: await listHallConfigs(trx),
      announcements: await currentAnnouncements(trx, hallDay(clock.now, clock.timeZone)),
      certificates: await hallCertificates(trx, reader),
      certificateKeys: await verifyingKeys(trx),
    });
  });
}
