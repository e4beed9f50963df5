import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { openDatabase } from './client.ts';

describe('database client', () => {
  it('returns the same JavaScript types on PGlite and PostgreSQL', async () => {
    const { database, drop } = await createTestDatabase();
    const handle = await openDatabase(database);
    try {
      const { rows } = await sql<Record<string, unknown>>`SELECT
        count(*) AS n, 1.5::numeric AS num, '2027-05-03'::date AS d,
        '{2027-05-03,2027-05-04}'::date[] AS ds, '{}'::date[] AS empty,
        '2027-05-03T10:00:00Z'::timestamptz AS ts`.execute(handle.db);
      expect(rows[0]).toEqual({ n: 1, num: 1.5, d: '2027-05-03', ds: ['2027-05-03', '2027-05-04'], empty: [], ts: new Date('2027-05-03T10:00:00Z') });
    } finally {
      await handle.close();
      await drop();
    }
  });
});
