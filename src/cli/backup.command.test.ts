import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { fingerprintTables, type TableFingerprint } from '../server/db/fingerprint.ts';
import { createTestDatabase } from '../server/test-support/test-database.ts';
import { backupCommand, restoreCommand } from './backup.command.ts';
import type { CommandIo } from './match.command.ts';

// `peercities backup` and `restore` (decision 0029) on the engine of this test
// project: PGlite data directories, or PostgreSQL databases with pg_dump/pg_restore.

type Database = Config['database'];
const engine = process.env.PEERCITIES_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

function captured(): CommandIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

async function fingerprint(database: Database): Promise<TableFingerprint[]> {
  const handle = await openDatabase(database);
  try {
    return await fingerprintTables(handle.db);
  } finally {
    await handle.close();
  }
}

// Every byte value, twice, so an encoding that mangles any byte shows.
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256))]);

// Each step opens a database from disk (PGlite) or a server connection: slow
// on a busy machine, so the source is backed up once and fingerprinted once.
describe(`backup and restore (${engine})`, { timeout: 180_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  let dir: string;
  let source: Database;
  let fresh: () => Promise<Database>;
  /** The source's tables as backed up, and the backup command's output. */
  let sourcePrint: TableFingerprint[];
  let backupFile: string;
  let backupIo: ReturnType<typeof captured>;
  let backupStatus: number;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peercities-backup-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    const demo = await createTestDatabase({ demo: true });
    cleanups.push(demo.drop);
    if (demo.database.kind === 'pglite') {
      // A data directory on disk, holding the demo data.
      source = { kind: 'pglite', dataDir: path.join(dir, 'source') };
      let n = 0;
      fresh = async () => ({ kind: 'pglite', dataDir: path.join(dir, `restored-${++n}`) });
    } else {
      source = demo.database;
      fresh = async () => {
        const empty = await createTestDatabase();
        cleanups.push(empty.drop);
        return empty.database;
      };
    }
    // An attachment, so bytea travels too.
    // (PGlite: the first opening writes the demo snapshot into the directory.)
    const handle = await openDatabase(demo.database.kind === 'pglite' && source.kind === 'pglite' ? { ...source, snapshot: demo.database.snapshot! } : source);
    try {
      const application = await handle.db.selectFrom('applications').select('id').orderBy('id').executeTakeFirstOrThrow();
      await handle.db
        .insertInto('application_attachments')
        .values({ application_id: application.id, question_id: 'backup_test', filename: 'plan.pdf', content_type: 'application/pdf', size_bytes: pdf.length, content: pdf })
        .execute();
      sourcePrint = await fingerprintTables(handle.db);
    } finally {
      await handle.close();
    }
    backupFile = path.join(dir, 'backup.bin');
    backupIo = captured();
    backupStatus = await backupCommand([backupFile], backupIo, source);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('round-trips: every table has the same rows and checksum after restoring into a fresh database, attachments included', async () => {
    expect(backupStatus, backupIo.err).toBe(0);
    expect(backupIo.out).toMatch(/written to .* tables, \d+ rows/);

    const target = await fresh();
    const restoreIo = captured();
    expect(await restoreCommand([backupFile], restoreIo, target), restoreIo.err).toBe(0);
    const handle = await openDatabase(target);
    try {
      expect(await fingerprintTables(handle.db)).toEqual(sourcePrint);
      const restored = await handle.db.selectFrom('application_attachments').select('content').where('question_id', '=', 'backup_test').executeTakeFirstOrThrow();
      expect(Buffer.from(restored.content).equals(pdf)).toBe(true);
    } finally {
      await handle.close();
    }
    expect(sourcePrint.length).toBeGreaterThan(40);
    expect(sourcePrint.find((t) => t.table === 'application_attachments')!.rows).toBeGreaterThan(0);
  });

  it('refuses to restore over a database that holds data unless --force, and changes nothing then', async () => {
    const target = await fresh();
    expect(await restoreCommand([backupFile], captured(), target)).toBe(0);
    // The target changes after the backup: a restore without --force must leave that change alone.
    let changed: TableFingerprint[];
    const handle = await openDatabase(target);
    try {
      await handle.db.deleteFrom('application_attachments').where('question_id', '=', 'backup_test').execute();
      changed = await fingerprintTables(handle.db);
    } finally {
      await handle.close();
    }
    expect(changed).not.toEqual(sourcePrint);

    const refused = captured();
    expect(await restoreCommand([backupFile], refused, target)).toBe(1);
    expect(refused.err).toMatch(/--force/);
    expect(await fingerprint(target)).toEqual(changed);

    const forced = captured();
    expect(await restoreCommand([backupFile, '--force'], forced, target), forced.err).toBe(0);
    expect(await fingerprint(target)).toEqual(sourcePrint);
  });

  it('refuses a file that is not a backup, and wrong arguments', async () => {
    const junk = path.join(dir, 'junk.txt');
    await fs.writeFile(junk, 'hello');
    const io = captured();
    expect(await restoreCommand([junk], io, await fresh())).toBe(1);
    expect(io.err).toMatch(/not a peercities backup/);
    expect(await backupCommand([], captured(), source)).toBe(2);
    expect(await restoreCommand([junk, '--yes'], captured(), source)).toBe(2);
  });
});
