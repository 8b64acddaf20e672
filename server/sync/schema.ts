import type { ColumnType } from 'kysely';

/** Tables of the download feed (migration 0003); part of ServerSchema. */

export interface ChangesTable {
  /** bigint identity: pg returns it as a string; never written. */
  seq: ColumnType<string, never, never>;
  entity: string;
  key: string;
  op: 'upsert' | 'delete';
  /** jsonb: read parsed, written as JSON text. */
  data: ColumnType<unknown, string | null, string | null>;
  created_at: ColumnType<Date, Date, Date>;
}

export interface ChangeRetentionTable {
  id: number;
  pruned_through: ColumnType<string, number, number>;
}

export interface CatalogTable {
  id: number;
  doc: ColumnType<unknown, string, string>;
  hash: string;
  imported_at: ColumnType<Date, Date, Date>;
}

export interface SyncSchema {
  changes: ChangesTable;
  change_retention: ChangeRetentionTable;
  catalog: CatalogTable;
}
