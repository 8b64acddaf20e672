import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCatalog, snapshot, tempDb } from '../catalog/test-support.js';
import type { ChangesPage } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { applyPage, applySnapshot, downloadCursor } from './downloader.js';

const catalogChange = (seq: number, data: unknown) => ({ seq, entity: 'catalog', key: 'catalog', op: 'upsert' as const, data });

describe('applying downloaded changes', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempDb()));
  afterEach(() => cleanup());

  it('applies a catalog change and stores the page cursor', () => {
    const page: ChangesPage = { changes: [catalogChange(1, seedCatalog())], cursor: 1, hasMore: false };
    expect(applyPage(db, page)).toBe(1);
    expect(downloadCursor(db)).toBe(1);
    expect(snapshot(db)).toMatchObject({ procedures: seedCatalog().procedures.length });
  });

  it('a page that fails part-way changes nothing, not even the cursor', () => {
    const broken = { ...seedCatalog(), procedures: 'not a list' };
    const page: ChangesPage = { changes: [catalogChange(1, seedCatalog()), catalogChange(2, broken)], cursor: 2, hasMore: false };
    const before = snapshot(db);
    expect(() => applyPage(db, page)).toThrow();
    expect(snapshot(db)).toEqual(before);
    expect(downloadCursor(db)).toBe(0);
  });

  it('changes of an entity this version does not know are passed over, and the cursor moves on', () => {
    expect(applyPage(db, { changes: [{ seq: 5, entity: 'future-thing', key: 'x', op: 'upsert', data: {} }], cursor: 5, hasMore: false })).toBe(1);
    expect(downloadCursor(db)).toBe(5);
  });

  it('a snapshot with the catalog already held re-imports nothing but takes the cursor', () => {
    applyPage(db, { changes: [catalogChange(1, seedCatalog())], cursor: 1, hasMore: false });
    const before = snapshot(db);
    applySnapshot(db, { cursor: 9, catalog: seedCatalog() });
    expect(snapshot(db)).toEqual(before);
    expect(downloadCursor(db)).toBe(9);
  });
});
