import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Config } from '../config.ts';
import { adminQuery, databaseUrl, readPgliteSnapshot } from './database-snapshots.ts';

/**
 * The database a test file runs on: in-memory PGlite, or (in the `postgres`
 * Vitest project) a fresh database on TEST_DATABASE_URL's server that is
 * dropped afterwards. With `demo`, it is already migrated and holds the demo
 * data (copied from the run's snapshot); otherwise it is empty.
 */
export async function createTestDatabase({ demo = false }: { demo?: boolean } = {}): Promise<{ database: Config['database']; drop(): Promise<void> }> {
  if (process.env.PEERCITIES_TEST_DB !== 'postgres') {
    const files = inject('pgliteSnapshots');
    const snapshot = files ? await readPgliteSnapshot(demo ? files.demo : files.empty) : undefined;
    return { database: { kind: 'pglite', dataDir: 'memory://', ...(snapshot ? { snapshot } : {}) }, drop: async () => {} };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('The postgres test project needs TEST_DATABASE_URL.');
  const name = `peercities_test_${randomBytes(6).toString('hex')}`;
  const template = demo ? inject('postgresTemplate') : undefined;
  await adminQuery(adminUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  return {
    database: { kind: 'postgres', url: databaseUrl(adminUrl, name), poolSize: 5 },
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
