import { DEFAULT_RULES, DEFAULT_WEIGHTS, startRun } from '../modules/matching/matching.service.ts';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import { finishedEditionSlug } from './demo-programmes.ts';

const SEED_NAME = 'demo-matching-v1';

// The 2025 placements (src/server/seed/demo-visits.ts): the run locks them,
// so the published run reproduces the visits that took place.
const PLACEMENTS = [
  { host: 'valencia', visitors: ['cologne', 'graz', 'ghent'] },
  { host: 'milan', visitors: ['bilbao', 'brno', 'gdansk'] },
  { host: 'espoo', visitors: ['oulu', 'plovdiv', 'tallinn'] },
];
// Languages of the demo facilitators: the facilitator stage prefers one who
// speaks the host's language, which gives Valencia Pierre, Milan Katrin and Espoo Giulia.
const FACILITATORS = [
  { email: 'facilitator@demo.peercities.eu', languages: ['en', 'fr', 'es'] },
  { email: 'facilitator2@demo.peercities.eu', languages: ['en', 'de', 'it'] },
  { email: 'facilitator3@demo.peercities.eu', languages: ['en', 'it', 'fi', 'sv'] },
];

/**
 * The 2025 edition's matching: settings, the locked pairs, one run with its
 * inputs and result, and its publication, linked to the visits it created.
 */
export async function seedMatchingDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const programme = await trx.selectFrom('programmes').select(['id', 'slug']).where('slug', '=', finishedEditionSlug(cal)).executeTakeFirst();
    if (!programme) return false;
    const manager = await trx.selectFrom('people').select('id').where('email', '=', 'manager@demo.peercities.eu').executeTakeFirst();
    const people = await trx.selectFrom('people').select(['id', 'email']).where('email', 'in', FACILITATORS.map((f) => f.email)).execute();
    const cities = await trx.selectFrom('cities').select(['id', 'slug']).execute();
    const cityId = new Map(cities.map((c) => [c.slug, c.id]));

    const facilitators = FACILITATORS.flatMap((f) => {
      const person = people.find((p) => p.email === f.email);
      return person ? [{ personId: person.id, languages: f.languages, maxVisits: 1 }] : [];
    });
    await trx
      .insertInto('matching_settings')
      .values({ programme_id: programme.id, weights: JSON.stringify(DEFAULT_WEIGHTS), rules: JSON.stringify({ ...DEFAULT_RULES, facilitators }), updated_by: manager?.id ?? null, updated_at: cal.instant('2025-03-27T09:00:00Z') })
      .execute();
    for (const p of PLACEMENTS) {
      for (const v of p.visitors) {
        const host = cityId.get(p.host);
        const visitor = cityId.get(v);
        if (!host || !visitor) continue;
        await trx.insertInto('matching_pair_rules').values({ programme_id: programme.id, host_city_id: host, visitor_city_id: visitor, rule: 'locked', created_by: manager?.id ?? null, created_at: cal.instant('2025-03-27T09:00:00Z') }).execute();
      }
    }
    const run = await startRun(trx, {
      slug: programme.slug,
      settingsVersion: 1,
      actor: manager ?? null,
      ip: null,
      now: cal.instant('2025-03-28T09:00:00Z'),
      createdAt: cal.instant('2025-03-28T09:00:00Z'),
    });
    if (run.status === 'infeasible') return true;
    await trx.insertInto('matching_publications').values({ programme_id: programme.id, run_id: run.id, published_by: manager?.id ?? null, published_at: cal.instant('2025-03-28T10:00:00Z') }).execute();
    await trx.updateTable('study_visits').set({ matching_run_id: run.id }).where('programme_id', '=', programme.id).execute();
    return true;
  });
}
