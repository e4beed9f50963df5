import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * The application's queries go to PostgreSQL as named prepared statements:
 * each connection parses a statement once and the server may keep its plan,
 * instead of parsing and planning every small query again on every request
 * (docs/decisions/0009). The statements are the few hundred shapes Kysely
 * compiles; the values are always parameters.
 */

/** Statements that are plain data access; DDL, transaction control and the like stay unnamed. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * One name per statement text for the whole process (pg refuses one name
 * for two texts on a connection). Bounded: past `capacity` distinct texts,
 * or for statements with many parameters (bulk inserts, long `IN` lists,
 * whose texts rarely repeat), queries are sent unnamed as before, so neither
 * this map nor the server's statements per connection grow without limit.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  constructor(
    readonly capacity = 1000,
    readonly maxParameters = 50,
  ) {}

  /** The statement's name, or undefined when it is sent unnamed. */
  nameFor(text: string, parameterCount: number): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined) return known;
    if (this.#names.size >= this.capacity || parameterCount > this.maxParameters || !PREPARABLE.test(text)) return undefined;
    const name = `peercities_${this.#names.size + 1}`;
    this.#names.set(text, name);
    return name;
  }

  get size(): number {
    return this.#names.size;
  }
}

/** A pg pool as Kysely's PostgresDialect expects it, whose clients send named statements. */
export function poolWithPreparedStatements(pool: pg.Pool, names = new StatementNames()): PostgresPool {
  // Kysely keeps one connection object per client it is given: hand it the same wrapper every time.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (!wrapper) {
      function query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
      function query(sqlOrCursor: string | PostgresCursor<unknown>, parameters: readonly unknown[] = []): unknown {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
        const values = [...parameters];
        const name = names.nameFor(sqlOrCursor, values.length);
        return client.query(name ? { name, text: sqlOrCursor, values } : { text: sqlOrCursor, values });
      }
      wrapper = { query, release: (destroy?: boolean | Error) => client.release(destroy) };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
