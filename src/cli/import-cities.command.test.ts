import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test-support/test-app.ts';
import { importCitiesCommand } from './import-cities.command.ts';
import type { CommandIo } from './match.command.ts';

function capture(): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), out: () => out, err: () => err };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const count = async () => (await t.app.db.selectFrom('cities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('import-cities command', () => {
  it('adds the Finnish GeoNames cities of 50,000+ not yet registered, once', async () => {
    const before = await count();
    const dry = capture();
    expect(await importCitiesCommand(['--country', 'FI', '--min-population', '50000', '--dry-run'], dry, { db: t.app.db })).toBe(0);
    expect(dry.out()).toMatch(/would add pori\tPori \(FI, /);
    expect(dry.out()).not.toMatch(/\boulu\b/); // a demo aspiring city already
    expect(dry.out()).not.toMatch(/add espoo\b/); // a Mission City already
    expect(await count()).toBe(before);

    const run = capture();
    expect(await importCitiesCommand(['--country=FI', '--min-population=50000'], run, { db: t.app.db })).toBe(0);
    const added = Number(/Added (\d+)/.exec(run.out())?.[1]);
    expect(added).toBeGreaterThan(0);
    expect(await count()).toBe(before + added);
    const pori = await t.app.db.selectFrom('cities').selectAll().where('slug', '=', 'pori').executeTakeFirstOrThrow();
    expect(pori).toMatchObject({ kind: 'aspiring', country: 'FI', languages: ['fi', 'sv'] });

    const again = capture();
    expect(await importCitiesCommand(['--country', 'FI', '--min-population', '50000'], again, { db: t.app.db })).toBe(0);
    expect(again.out()).toContain('Added 0 aspiring cities');
    expect(await count()).toBe(before + added);
  });

  it('refuses wrong usage with exit code 2', async () => {
    const io = capture();
    expect(await importCitiesCommand(['--min-population', '50000'], io, { db: t.app.db })).toBe(2);
    expect(io.err()).toContain('--country is required');
    expect(await importCitiesCommand(['--country', 'US'], capture(), { db: t.app.db })).toBe(2);
  });
});
