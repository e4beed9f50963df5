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

/** What a listener is told (DatabaseHandle.listen). */
export interface ListenHandlers {
  /** One notification's payload. */
  onMessage(payload: string): void;
  /** Listening: every notification from now on arrives (again, after a lost connection came back). */
  onReady(): void;
  /** Notifications may be missed until the next onReady. */
  onLost(err: unknown): void;
}

export interface Listener {
  /** Resolves once every notification committed before the call has been handed to onMessage. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Listens to a notification channel (LISTEN/NOTIFY) for as long as the handle is open. */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>;
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
    return { db, kind: 'postgres', listen: (channel, handlers) => listenOnPostgres(database.url, channel, handlers), close: () => db.destroy() };
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
  const listen = async (channel: string, handlers: ListenHandlers): Promise<Listener> => {
    // The engine runs in this process: a notification is handed over as its transaction commits.
    const unlisten = await pglite.listen(assertChannel(channel), handlers.onMessage);
    handlers.onReady();
    return { sync: async () => {}, close: () => unlisten() };
  };
  return { db, kind: 'pglite', listen, dump: () => pglite.dumpDataDir('none'), close: () => db.destroy() };
}

function assertChannel(channel: string) {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return channel;
}

/**
 * LISTEN on a connection of its own, outside the pool. When the connection is
 * lost, onLost, and a new one after 0.5 s, doubling up to 30 s; onReady once
 * it listens again. Resolves after the first attempt, listening or not.
 */
async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Listener> {
  assertChannel(channel);
  let current: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    // Named, so that pg_stat_activity shows what the connection is for.
    const client = new pg.Client({ connectionString: url, application_name: `peercities listen ${channel}` });
    let ended = false;
    const lost = (err: unknown) => {
      if (ended) return;
      ended = true;
      const wasListening = current === client;
      if (wasListening) current = null;
      client.end().catch(() => {});
      if (closed) return;
      if (wasListening) handlers.onLost(err);
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 30_000);
    };
    client.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) handlers.onMessage(n.payload);
    });
    client.on('error', lost);
    client.on('end', () => lost(new Error('the listening connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      lost(err);
      return;
    }
    if (closed || ended) {
      lost(new Error('closed'));
      return;
    }
    current = client;
    retryMs = 500;
    handlers.onReady();
  };

  await connect();
  return {
    // Notifications travel on the listening connection ahead of the answer to
    // a query sent after them: one round trip on it is a barrier. Without a
    // connection there is nothing to wait for (onLost has been called).
    sync: async () => {
      await current?.query('SELECT 1').catch(() => {});
    },
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
