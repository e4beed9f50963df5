import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { DEMO_REFERENCE_INSTANT } from '../seed/demo-calendar.ts';
import { seedDemoData } from '../seed/demo-seed.ts';

/**
 * Test databases start from snapshots made once per test run instead of
 * being created, migrated and seeded for every test file: a fresh PGlite
 * spends ~5 s in initdb alone. The snapshots are built from the migrations
 * and the demo seed of the tree under test, so they can never be stale.
 * The demo is seeded on its reference day (DEMO_REFERENCE_INSTANT), so the
 * tests see the dates written in the seed files whatever day they run.
 */

/** The scrypt cost of the demo accounts in every test database (the lowest the config allows). */
export const TEST_PASSWORD_HASH_COST = 10;

export interface PgliteSnapshotFiles {
  /** A database just after initdb: no tables. */
  empty: string;
  /** Migrated, with the demo data. */
  demo: string;
}

/** Builds both PGlite snapshots and writes them into `dir`. */
export async function writePgliteSnapshots(dir: string): Promise<PgliteSnapshotFiles> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  try {
    const files = { empty: path.join(dir, 'empty.tar'), demo: path.join(dir, 'demo.tar') };
    await writeDump(handle.dump, files.empty);
    await migrate(handle.db);
    await seedDemoData(handle.db, TEST_PASSWORD_HASH_COST, DEMO_REFERENCE_INSTANT);
    await writeDump(handle.dump, files.demo);
    return files;
  } finally {
    await handle.close();
  }
}

async function writeDump(dump: (() => Promise<Blob>) | undefined, file: string): Promise<void> {
  if (!dump) throw new Error('Only a PGlite database can be dumped.');
  await fs.writeFile(file, Buffer.from(await (await dump()).arrayBuffer()));
}

const snapshotBlobs = new Map<string, Promise<Blob>>();

/** The snapshot in `file`, read once per worker. */
export function readPgliteSnapshot(file: string): Promise<Blob> {
  let blob = snapshotBlobs.get(file);
  if (!blob) {
    blob = fs.readFile(file).then((bytes) => new Blob([bytes]));
    snapshotBlobs.set(file, blob);
  }
  return blob;
}

/**
 * A migrated database with the demo data on the server at `adminUrl`, for
 * `CREATE DATABASE … TEMPLATE` (a file copy on the server). Nobody may stay
 * connected to it, so it is closed before it is returned.
 */
export async function createPostgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `peercities_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, name), poolSize: 2 });
  try {
    await migrate(handle.db);
    await seedDemoData(handle.db, TEST_PASSWORD_HASH_COST, DEMO_REFERENCE_INSTANT);
  } finally {
    await handle.close();
  }
  return { name, drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
