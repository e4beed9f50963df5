import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { fingerprintTables } from '../server/db/fingerprint.ts';
import { processIo, type CommandIo } from './match.command.ts';

export const BACKUP_USAGE =
  'usage: peercities backup <file>\n' +
  '  Writes the whole database to <file> (docs/decisions/0029): the embedded database (DATA_DIR) as a\n' +
  '  PGlite data-directory archive (stop the server first), or the PostgreSQL server of DATABASE_URL\n' +
  '  with pg_dump in its custom format (the server may keep running). Attachments are included.\n';
export const RESTORE_USAGE =
  'usage: peercities restore <file> [--force]\n' +
  '  Restores a backup into the configured database: DATA_DIR (stop the server first) or DATABASE_URL\n' +
  '  (pg_restore). Refuses a database that holds tables, or a DATA_DIR that is not empty, unless --force\n' +
  '  (which replaces it: the old DATA_DIR is kept beside it as <dir>.before-restore-<time>).\n';

type Database = Config['database'];

/** PGlite archives are tar files ("ustar" at byte 257); pg_dump's custom format starts with "PGDMP". */
async function backupKind(file: string): Promise<'pglite' | 'postgres' | null> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(262);
    await handle.read(head, 0, 262, 0);
    if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
    if (head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
    return null;
  } finally {
    await handle.close();
  }
}

function run(command: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) => resolve({ code: err.code === 'ENOENT' ? 127 : 1, stderr: err.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

const pgToolMissing = (tool: string) =>
  `${tool} is not on PATH: install the PostgreSQL client tools of the server's major version (Debian: postgresql-client-<version>)`;

async function summary(database: Database): Promise<string> {
  const handle = await openDatabase(database);
  try {
    const tables = await fingerprintTables(handle.db);
    return `${tables.length} tables, ${tables.reduce((n, t) => n + t.rows, 0)} rows`;
  } finally {
    await handle.close();
  }
}

export async function backupCommand(argv: readonly string[], io: CommandIo = processIo, database: Database = loadConfig().database): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || files.length !== argv.length) {
    io.stderr(BACKUP_USAGE);
    return 2;
  }
  const file = path.resolve(files[0]!);
  const partial = `${file}.partial`;
  if (database.kind === 'pglite') {
    if (database.dataDir.startsWith('memory://')) {
      io.stderr('backup: DATA_DIR is memory://: there is nothing on disk to back up\n');
      return 1;
    }
    const handle = await openDatabase(database);
    try {
      const dump = await handle.dump!();
      await fs.writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await handle.close();
    }
  } else {
    const dumped = await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${database.url}`]);
    if (dumped.code !== 0) {
      await fs.rm(partial, { force: true });
      io.stderr(`backup: ${dumped.code === 127 ? pgToolMissing('pg_dump') : `pg_dump failed:\n${dumped.stderr}`}\n`);
      return 1;
    }
  }
  // Written under another name first: a backup file is either whole or absent.
  await fs.rename(partial, file);
  const { size } = await fs.stat(file);
  io.stdout(`backup of the ${database.kind === 'pglite' ? `embedded database in ${database.dataDir}` : 'PostgreSQL database'} written to ${file} (${(size / 1024 / 1024).toFixed(1)} MiB; ${await summary(database)})\n`);
  return 0;
}

export async function restoreCommand(argv: readonly string[], io: CommandIo = processIo, database: Database = loadConfig().database): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (files.length !== 1 || flags.some((f) => f !== '--force')) {
    io.stderr(RESTORE_USAGE);
    return 2;
  }
  const force = flags.includes('--force');
  const file = path.resolve(files[0]!);
  const kind = await backupKind(file).catch(() => undefined);
  if (kind === undefined) {
    io.stderr(`restore: cannot read ${file}\n`);
    return 1;
  }
  if (kind === null) {
    io.stderr(`restore: ${file} is not a peercities backup (neither a PGlite archive nor a pg_dump custom-format file)\n`);
    return 1;
  }
  if (kind !== database.kind) {
    io.stderr(
      `restore: ${file} is a backup of ${kind === 'pglite' ? 'the embedded database (PGlite)' : 'a PostgreSQL server'}, but the configured database is ${database.kind === 'pglite' ? 'the embedded one (DATA_DIR)' : 'a PostgreSQL server (DATABASE_URL)'}\n`,
    );
    return 1;
  }

  if (database.kind === 'pglite') {
    if (database.dataDir.startsWith('memory://')) {
      io.stderr('restore: DATA_DIR is memory://: set DATA_DIR to the directory to restore into\n');
      return 1;
    }
    const entries = await fs.readdir(database.dataDir).catch(() => [] as string[]);
    if (entries.length > 0) {
      if (!force) {
        io.stderr(`restore: ${database.dataDir} is not empty; refusing to overwrite it (add --force to replace it)\n`);
        return 1;
      }
      const aside = `${database.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.rename(database.dataDir, aside);
      io.stdout(`the previous data directory is kept in ${aside}\n`);
    }
    const snapshot = new Blob([await fs.readFile(file)]);
    const handle = await openDatabase({ ...database, snapshot });
    await handle.close();
  } else {
    const tables = await countTables(database.url);
    if (tables > 0 && !force) {
      io.stderr(`restore: the database of DATABASE_URL holds ${tables} tables; refusing to overwrite it (add --force to replace it)\n`);
      return 1;
    }
    if (tables > 0) await resetSchema(database.url);
    const restored = await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${database.url}`, file]);
    if (restored.code !== 0) {
      io.stderr(`restore: ${restored.code === 127 ? pgToolMissing('pg_restore') : `pg_restore failed (exit ${restored.code}; nothing was restored):\n${restored.stderr}`}\n`);
      return 1;
    }
  }
  io.stdout(`restored ${file} (${await summary(database)})\n`);
  return 0;
}

async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** --force on PostgreSQL: the public schema (tables, and the extensions the migrations created there) is dropped and made again. */
async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}
