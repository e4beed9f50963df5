import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from './test-support/database-snapshots.ts';
import { httpRequest, startServerProcess, type ServerProcess } from './test-support/server-process.ts';

// PROCESSES=2 (decision 0033): the real server forks two app processes that
// share the port. Needs a PostgreSQL server (the `postgres` Vitest project).

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('processes.postgres-test.ts needs TEST_DATABASE_URL');

describe('PROCESSES=2', { timeout: 240_000 }, () => {
  const name = `peercities_test_${randomBytes(6).toString('hex')}`;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('two processes answer on one port, and SIGTERM closes both cleanly (exit 0)', async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    server = await startServerProcess({ DATABASE_URL: databaseUrl(adminUrl, name), DATABASE_POOL_SIZE: '3', PROCESSES: '2', LOG_LEVEL: 'info' }, 180_000);
    // The first process answers while the second starts; the banner comes when both listen.
    await expect.poll(() => server?.output(), { timeout: 60_000 }).toContain('processes: 2 (PROCESSES)');

    // A new connection each time: the primary hands them to the processes in turn.
    for (let i = 0; i < 20; i++) expect((await httpRequest(`${server.url}/api/cities?q=lahti-${i}`)).status).toBe(200);
    const answeredBy = new Set(
      server
        .output()
        .split('\n')
        .filter((line) => line.includes('/api/cities?q=lahti-'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
    expect(answeredBy.size).toBe(2);

    server.child.kill('SIGTERM');
    expect(await server.exited, server.output()).toBe(0);
  });
});
