import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { MAPPED_TABLES, PERSONAL_DATA_MAP, PERSONAL_TABLES, type TableEntry } from './personal-data-map.ts';

let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  const test = await createTestDatabase();
  drop = test.drop;
  handle = await openDatabase(test.database);
  await migrate(handle.db);
});
afterAll(async () => {
  await handle.close();
  await drop();
});

async function databaseColumns(): Promise<Map<string, string[]>> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public'
     ORDER BY c.table_name, c.ordinal_position`.execute(handle.db);
  const tables = new Map<string, string[]>();
  for (const row of rows.rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  return tables;
}

describe('the personal-data map', () => {
  it('classifies every table and every column of the migrated database, and nothing else', async () => {
    const tables = await databaseColumns();
    const unmapped = [...tables.keys()].filter((t) => !(t in PERSONAL_DATA_MAP));
    expect(unmapped, 'tables missing from src/server/modules/privacy/personal-data-map.ts').toEqual([]);
    const gone = MAPPED_TABLES.filter((t) => !tables.has(t));
    expect(gone, 'tables in the map that the database does not have').toEqual([]);

    const problems: string[] = [];
    for (const [table, columns] of tables) {
      const entry: TableEntry = PERSONAL_DATA_MAP[table as keyof typeof PERSONAL_DATA_MAP];
      const personal = Object.keys(entry.personal);
      for (const column of columns) {
        if (!personal.includes(column) && !entry.other.includes(column)) problems.push(`${table}.${column} is not classified (personal or other)`);
      }
      for (const column of [...personal, ...entry.other, ...(entry.mentions ?? [])]) {
        if (!columns.includes(column)) problems.push(`${table}.${column} is in the map but not in the database`);
      }
      for (const column of personal) if (entry.other.includes(column)) problems.push(`${table}.${column} is both personal and other`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every table holding personal data a reason, a retention period and an erasure; tables without any say none', () => {
    for (const table of MAPPED_TABLES) {
      const entry: TableEntry = PERSONAL_DATA_MAP[table];
      expect(entry.holds, table).not.toBe('');
      expect(entry.retention, table).not.toBe('');
      if (entry.erasure === 'none') {
        expect(Object.keys(entry.personal), `${table} says none but lists personal columns`).toEqual([]);
      } else {
        expect(Object.keys(entry.personal).length, `${table} has no personal column`).toBeGreaterThan(0);
        expect(entry.why, table).not.toBe('');
      }
    }
  });

  it('is what docs/privacy.md describes: the page names every table holding personal data', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../../docs/privacy.md', import.meta.url)), 'utf8');
    const missing = PERSONAL_TABLES.filter((table) => !doc.includes(`\`${table}\``));
    expect(missing, 'tables holding personal data that docs/privacy.md does not name').toEqual([]);
  });
});
