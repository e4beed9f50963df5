import fs from 'node:fs/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { poolWithPreparedStatements } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// Both engines return the same JavaScript types: counts and bigints as
// numbers (our ids and counts stay far below 2^53), numeric as number,
// dates as 'YYYY-MM-DD' strings (a Date would shift with the time zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const DATE_ARRAY = 1182;
const parseInt8 = (v: string) => Number(v);
const parseNumeric = (v: string) => Number(v);
const keepDate = (v: string) => v;
// Dates hold no commas, quotes or spaces, so a date[] literal splits simply.
const parseDateArray = (v: string) => (v === '{}' ? [] : v.slice(1, -1).split(',').map((d) => (d === 'NULL' ? null : d)));

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PGlite only: the whole database as a dump that `snapshot` can start from. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export async function openDatabase(database: Config['database'], onIdleError?: (err: Error) => void): Promise<DatabaseHandle> {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: database.poolSize,
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) return parseInt8;
          if (oid === NUMERIC) return parseNumeric;
          if (oid === DATE) return keepDate;
          // date[] as 'YYYY-MM-DD' strings too.
          if (oid === DATE_ARRAY) return parseDateArray;
          return pg.types.getTypeParser(oid, format);
        },
      },
    });
    // An idle connection can be cut by the server (restart, failover, a DBA);
    // the pool replaces it. Without a listener Node would crash the process.
    pool.on('error', (err) => onIdleError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolWithPreparedStatements(pool) }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  if (!database.dataDir.startsWith('memory://')) await fs.mkdir(database.dataDir, { recursive: true });
  const pglite = new PGlite(database.dataDir, {
    ...(database.snapshot ? { loadDataDir: database.snapshot } : {}),
    // Extensions the migrations create; a PostgreSQL server has them in contrib.
    extensions: { pg_trgm, unaccent },
    parsers: {
      [pgliteTypes.INT8]: parseInt8,
      [pgliteTypes.NUMERIC]: parseNumeric,
      [pgliteTypes.DATE]: keepDate,
    },
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', dump: () => pglite.dumpDataDir('none'), close: () => db.destroy() };
}
