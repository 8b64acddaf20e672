import { CertificateDoc, CertificateKey } from './certificates.js';
import { z } from 'zod';
import { CatalogFile } from './catalog.js';
import { Announcement } from './announcements.js';
import { Appointment, HallConfig, StaffCredential } from './queue.js';

/**
 * Download side of sync (DESIGN.md §5): every server-side change of reference data is numbered by
 * one global sequence; a terminal asks for the changes after its cursor. Catalog now; staff,
 * appointments and announcements are further entities of the same feed.
 */

export const SYNC_ENTITIES = ['catalog', 'staff', 'appointment', 'hall-config', 'announcement', 'certificate', 'certificate_key'] as const;
export const SyncEntity = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof SyncEntity>;

export const SyncChange = z.object({
  seq: z.int().min(1),
  entity: z.string(),
  key: z.string(),
  op: z.enum(['upsert', 'delete']),
  /** The entity's whole new value for upsert (for 'catalog': the validated catalog file); null for delete. */
  data: z.unknown(),
});
export type SyncChange = z.infer<typeof SyncChange>;

export const CHANGES_PAGE_MAX = 500;

export const ChangesQuery = z.object({
  /** The last seq the terminal applied; 0 before its first pull. */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(CHANGES_PAGE_MAX).default(100),
});

export const ChangesPage = z.object({
  changes: z.array(SyncChange),
  /** Apply the page, then store this as the cursor. */
  cursor: z.int().min(0),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;

/** Answered with status 410 when the changes after the cursor are no longer kept: replace the data with it. */
export const SyncSnapshot = z.object({
  cursor: z.int().min(0),
  /** null while the server holds no catalog. */
  catalog: CatalogFile.nullable(),
  /** Absent from servers before the queue (issue 4). */
  staff: z.array(StaffCredential).optional(),
  appointments: z.array(Appointment).optional(),
  halls: z.array(HallConfig).optional(),
  announcements: z.array(Announcement).optional(),
  /** The reader's hall's certificates (issue 13) and every verifying key. */
  certificates: z.array(CertificateDoc).optional(),
  certificateKeys: z.array(CertificateKey).optional(),
});
export type SyncSnapshot = z.infer<typeof SyncSnapshot>;

export const ChangesGone = z.object({ snapshot: SyncSnapshot });
export type ChangesGone = z.infer<typeof ChangesGone>;

export const ChangesResponse = z.union([ChangesPage, ChangesGone]);
export type ChangesResponse = z.infer<typeof ChangesResponse>;

/** The live channel (WebSocket, path LIVE_PATH, upgrade request signed like any GET). */
export const LIVE_PATH = '/api/live';

export const LiveMessage = z.discriminatedUnion('type', [
  /** There are changes up to seq: pull. Also sent on connect. */
  z.object({ type: z.literal('changes'), seq: z.int().min(0) }),
  /** A live event of the terminal's hall (queue calls and the like; later issues define them). */
  z.object({ type: z.literal('hall'), hall: z.string(), event: z.unknown() }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;
