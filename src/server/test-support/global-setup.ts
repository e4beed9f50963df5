import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, writePgliteSnapshots, type PgliteSnapshotFiles } from './database-snapshots.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Files of the PGlite snapshots (projects on PGlite and the e2e tests). */
    pgliteSnapshots?: PgliteSnapshotFiles;
    /** The template database on TEST_DATABASE_URL's server (the `postgres` project). */
    postgresTemplate?: string;
  }
}

/**
 * Vitest global setup: the database snapshots every test database of the run
 * starts from (see database-snapshots.ts), removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('The postgres test project needs TEST_DATABASE_URL.');
    const template = await createPostgresTemplate(adminUrl);
    project.provide('postgresTemplate', template.name);
    return template.drop;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peercities-snapshots-'));
  project.provide('pgliteSnapshots', await writePgliteSnapshots(dir));
  return () => fs.rm(dir, { recursive: true, force: true });
}
