import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The version number of the library data (cities and solutions), raised by triggers at every commit that writes them (migration 0012). */
export async function libraryVersion(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ v: string }>`SELECT version::text AS v FROM cache_versions WHERE name = 'library'`.execute(db);
  return result.rows[0]?.v ?? '0';
}
