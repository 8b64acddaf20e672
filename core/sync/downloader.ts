import { createHash } from 'node:crypto';
import { CatalogFile, ChangesGone, ChangesPage, type SyncChange, type SyncSnapshot } from '../contract/index.js';
import { importCatalog } from '../catalog/import.js';
import { applyCertificateSnapshot, CERTIFICATE_APPLY } from '../certificates/store.js';
import { applyQueueSnapshot, QUEUE_APPLY } from '../queue/reference.js';
import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/meta.js';
import { SyncRequestError, type SyncClient } from './client.js';

const CURSOR_KEY = 'sync_download_cursor';
/** sha256 of the catalog last applied from the server, so an unchanged one is not imported again. */
const CATALOG_HASH_KEY = 'sync_catalog_hash';

export function downloadCursor(db: Db): number {
  return Number(getMeta(db, CURSOR_KEY) ?? 0);
}

export interface PullResult {
  /** Changes applied (0 when nothing was new). */
  applied: number;
  cursor: number;
  /** True when the server answered 410 and the snapshot replaced the data. */
  snapshot: boolean;
}

function applyCatalog(db: Db, data: unknown, now: Date): void {
  const catalog = CatalogFile.parse(data);
  const hash = createHash('sha256').update(JSON.stringify(catalog)).digest('hex');
  if (getMeta(db, CATALOG_HASH_KEY) === hash) return;
  importCatalog(db, catalog, hash, now);
  setMeta(db, CATALOG_HASH_KEY, hash);
}

/** How each entity's change lands in the terminal's tables; later entities (staff, appointments, …) add theirs. */
const APPLY: Record<string, (db: Db, change: SyncChange, now: Date) => void> = {
  catalog: (db, c, now) => {
    // The catalog is one document: a delete would leave the kiosk empty, so only upserts apply.
    if (c.op === 'upsert') applyCatalog(db, c.data, now);
  },
  ...QUEUE_APPLY,
  ...CERTIFICATE_APPLY,
};

/**
 * Applies a page of changes and its cursor in one transaction. Changes at or below the stored cursor
 * are skipped, so the same page applied twice changes nothing.
 */
export function applyPage(db: Db, page: ChangesPage, now: Date = new Date()): number {
  return db.transaction(() => {
    const from = downloadCursor(db);
    let applied = 0;
    for (const change of page.changes) {
      if (change.seq <= from) continue;
      // An entity this version does not know yet is passed over; the snapshot after an upgrade brings it.
      APPLY[change.entity]?.(db, change, now);
      applied++;
    }
    if (page.cursor > from) setMeta(db, CURSOR_KEY, String(page.cursor));
    return applied;
  })();
}

/** Replaces the downloaded data with the server's snapshot and takes its cursor, in one transaction. */
export function applySnapshot(db: Db, snap: SyncSnapshot, now: Date = new Date()): void {
  db.transaction(() => {
    if (snap.catalog) applyCatalog(db, snap.catalog, now);
    applyQueueSnapshot(db, snap);
    applyCertificateSnapshot(db, snap);
    setMeta(db, CURSOR_KEY, String(snap.cursor));
  })();
}

/** Pulls the server's changes after this terminal's cursor, page by page, until it is current. */
export class Downloader {
  private running: Promise<PullResult> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly client: SyncClient,
    private readonly pageSize = 100,
  ) {}

  /** Pulls now; a call while a pull runs makes that pull go round once more, and shares its result. */
  pull(): Promise<PullResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let total: PullResult = { applied: 0, cursor: downloadCursor(this.db), snapshot: false };
        do {
          this.again = false;
          const r = await this.pullOnce();
          total = { applied: total.applied + r.applied, cursor: r.cursor, snapshot: total.snapshot || r.snapshot };
        } while (this.again);
        return total;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async pullOnce(): Promise<PullResult> {
    let applied = 0;
    let snapshot = false;
    for (;;) {
      const after = downloadCursor(this.db);
      let page: ChangesPage;
      try {
        page = ChangesPage.parse(await this.client.request('GET', `/api/sync/changes?after=${after}&limit=${this.pageSize}`));
      } catch (err) {
        const gone = err instanceof SyncRequestError && err.status === 410 ? ChangesGone.safeParse(err.body) : null;
        if (!gone?.success || snapshot) throw err;
        applySnapshot(this.db, gone.data.snapshot);
        snapshot = true;
        continue;
      }
      applied += applyPage(this.db, page);
      if (!page.hasMore || page.cursor <= after) return { applied, cursor: downloadCursor(this.db), snapshot };
    }
  }
}
