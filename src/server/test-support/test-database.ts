import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.ts';

/**
 * The database a test file runs on: in-memory PGlite, or (in the `postgres`
 * Vitest project) a fresh database on TEST_DATABASE_URL's server that is
 * dropped afterwards.
 */
export async function createTestDatabase(): Promise<{ database: Config['database']; drop(): Promise<void> }> {
  if (process.env.PEERCITIES_TEST_DB !== 'postgres') {
    return { database: { kind: 'pglite', dataDir: 'memory://' }, drop: async () => {} };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('The postgres test project needs TEST_DATABASE_URL.');
  const name = `peercities_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
