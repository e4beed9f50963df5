import { sql } from 'kysely';
import type { Db } from './client.ts';

export interface TableFingerprint {
  table: string;
  rows: number;
  /** md5 of the table's rows as text, sorted: equal tables have equal checksums (bytea included). */
  checksum: string;
}

/** Every table of the public schema with its row count and checksum (backups, decision 0029). */
export async function fingerprintTables(db: Db): Promise<TableFingerprint[]> {
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
  const out: TableFingerprint[] = [];
  for (const { name } of tables.rows) {
    const t = sql.table(name);
    const { rows } = await sql<{ rows: number; checksum: string | null }>`
      SELECT count(*)::int AS rows, md5(coalesce(string_agg(r.row_text, E'\\n' ORDER BY r.row_text), '')) AS checksum
      FROM (SELECT x::text AS row_text FROM ${t} x) r`.execute(db);
    out.push({ table: name, rows: rows[0]!.rows, checksum: rows[0]!.checksum ?? '' });
  }
  return out;
}
