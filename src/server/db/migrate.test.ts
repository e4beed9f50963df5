import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { openDatabase } from './client.ts';
import { migrate, readMigrationFiles } from './migrate.ts';

describe('migrations', () => {
  it('apply once, in order, and are skipped on the next start', async () => {
    const { database, drop } = await createTestDatabase();
    const handle = await openDatabase(database);
    try {
      const files = await readMigrationFiles();
      expect(files.map((f) => f.version)).toEqual([...files.map((f) => f.version)].sort((a, b) => a - b));
      expect(await migrate(handle.db)).toEqual(files.map((f) => f.name));
      expect(await migrate(handle.db)).toEqual([]);
    } finally {
      await handle.close();
      await drop();
    }
  });

  it('refuse to start when a landed migration was edited', async () => {
    const { database, drop } = await createTestDatabase();
    const handle = await openDatabase(database);
    try {
      const files = await readMigrationFiles();
      await migrate(handle.db, files);
      const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'edited' } : f));
      await expect(migrate(handle.db, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await handle.close();
      await drop();
    }
  });

  it('roll back a failing migration whole', async () => {
    const { database, drop } = await createTestDatabase();
    const handle = await openDatabase(database);
    try {
      const bad = { version: 9001, name: '9001_bad.sql', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();', checksum: 'x' };
      await expect(migrate(handle.db, [bad])).rejects.toThrow();
      const tables = await handle.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('half_done');
    } finally {
      await handle.close();
      await drop();
    }
  });
});
