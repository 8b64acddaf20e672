import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * PGlite behind the pool interface Kysely's PostgresDialect expects, so the embedded database uses
 * the same dialect, compiler and migrator as real PostgreSQL. PGlite is one session: the pool hands
 * it to one borrower at a time, so a transaction never interleaves with another query.
 */
export function pglitePool(db: PGlite, onEnd: () => void = () => {}): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  const client = (release: () => void): PostgresPoolClient =>
    ({
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const res = await db.query<R>(sql, [...parameters]);
        return {
          command: (res.command ?? 'SELECT') as PostgresQueryResult<R>['command'],
          rowCount: res.rowCount ?? res.affectedRows ?? res.rows.length,
          rows: res.rows,
        };
      },
      release,
    }) as PostgresPoolClient;

  return {
    connect() {
      let release!: () => void;
      const turn = new Promise<void>((r) => (release = r));
      const ready = queue;
      queue = queue.then(() => turn);
      return ready.then(() => client(release));
    },
    async end() {
      try {
        await queue;
        await db.close();
      } finally {
        onEnd();
      }
    },
  };
}
