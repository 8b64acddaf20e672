import type { Kysely, Transaction } from 'kysely';
import { ulid } from 'ulid';
import { Announcement, NewAnnouncement, ServerError } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { appendChange } from '../sync/append.js';

/** Publishes a notice to a hall's terminals through the change feed. */
export async function createAnnouncement(db: ServerDb, input: unknown, now: number): Promise<Announcement> {
  const parsed = NewAnnouncement.safeParse(input);
  if (!parsed.success) throw new ServerError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const a: Announcement = { id: ulid(now), ...parsed.data };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('announcements').values({ id: a.id, hall: a.hall, doc: JSON.stringify(a), starts: a.from, ends: a.until, created_at: new Date(now) }).execute();
    await appendChange(trx, { entity: 'announcement', key: a.id, op: 'upsert', data: a }, new Date(now));
  });
  return a;
}

/** Takes a notice off every terminal. False for an unknown id. */
export async function withdrawAnnouncement(db: ServerDb, id: string, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('announcements').where('id', '=', id).executeTakeFirst();
    if (res.numDeletedRows !== 1n) return false;
    await appendChange(trx, { entity: 'announcement', key: id, op: 'delete', data: null }, new Date(now));
    return true;
  });
}

/** Notices not yet over on `today`: what a snapshot carries and `announce list` shows. */
export async function currentAnnouncements(db: Kysely<ServerSchema> | Transaction<ServerSchema>, today: string): Promise<Announcement[]> {
  const rows = await db.selectFrom('announcements').select('doc').where('ends', '>=', today).orderBy('starts').orderBy('id').execute();
  return rows.map((r) => Announcement.parse(typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc));
}
