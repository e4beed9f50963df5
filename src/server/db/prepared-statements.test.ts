import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { openDatabase } from './client.ts';
import { StatementNames } from './prepared-statements.ts';

describe('statement names', () => {
  it('give one name per text, the same every time', () => {
    const names = new StatementNames();
    const a = names.nameFor('SELECT 1 WHERE $1', 1);
    expect(a).toMatch(/^peercities_\d+$/);
    expect(names.nameFor('SELECT 1 WHERE $1', 1)).toBe(a);
    expect(names.nameFor('select 2', 0)).not.toBe(a);
  });

  it('leave DDL, transaction control and other statements unnamed', () => {
    const names = new StatementNames();
    for (const text of ['begin', 'commit', 'CREATE TABLE x (id int)', 'ALTER TABLE x ADD y int', 'SET LOCAL x = 1', 'ANALYZE', 'LISTEN x']) {
      expect(names.nameFor(text, 0), text).toBeUndefined();
    }
    for (const text of ['  select 1', 'INSERT INTO x VALUES ($1)', 'update x set y = 1', 'DELETE FROM x', 'WITH a AS (SELECT 1) SELECT * FROM a']) {
      expect(names.nameFor(text, 0), text).toBeDefined();
    }
    expect(names.size).toBe(5);
  });

  it('are bounded: past the capacity, or with many parameters, queries go unnamed', () => {
    const names = new StatementNames(2, 3);
    expect(names.nameFor('SELECT $1, $2, $3, $4', 4)).toBeUndefined();
    expect(names.nameFor('SELECT 1', 0)).toBeDefined();
    expect(names.nameFor('SELECT 2', 0)).toBeDefined();
    expect(names.nameFor('SELECT 3', 0)).toBeUndefined();
    expect(names.nameFor('SELECT 1', 0)).toBeDefined();
    expect(names.size).toBe(2);
  });
});

describe('queries through the database client', () => {
  it('answer alike on both engines; on PostgreSQL each connection prepares a statement once', async () => {
    const { database, drop } = await createTestDatabase();
    const handle = await openDatabase(database.kind === 'postgres' ? { ...database, poolSize: 1 } : database);
    try {
      const text = 'SELECT $1::int + 1 AS n';
      for (const value of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`SELECT ${value}::int + 1 AS n`.execute(handle.db);
        expect(rows).toEqual([{ n: value + 1 }]);
      }
      // A failing statement leaves the connection usable.
      await expect(sql`SELECT 1 / ${0}::int`.execute(handle.db)).rejects.toThrow(/division by zero/);
      expect((await sql<{ n: number }>`SELECT ${41}::int + 1 AS n`.execute(handle.db)).rows).toEqual([{ n: 42 }]);
      if (handle.kind === 'postgres') {
        const { rows } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements WHERE statement = ${text}`.execute(handle.db);
        expect(rows).toHaveLength(1);
        expect(rows[0]?.name).toMatch(/^peercities_\d+$/);
      }
    } finally {
      await handle.close();
      await drop();
    }
  });
});
