import { sql } from 'kysely';
import type { Role } from '../../shared/roles.ts';
import { MISSION_CITIES } from '../../domain/reference/mission-cities.ts';
import { hashPassword } from '../modules/auth/password.ts';
import type { Db } from '../db/client.ts';
import { DEMO_FOUNDATION, demoCalendar } from './demo-calendar.ts';
import { seedExchangeDemo } from './demo-exchange.ts';
import { seedSupportDemo } from './demo-support.ts';
import { seedSupportKnowledgeDemo } from './demo-support-knowledge.ts';
import { seedSupportSessionsDemo } from './demo-support-sessions.ts';
import { seedSurveysDemo } from './demo-surveys.ts';
import { seedGroupsDemo } from './demo-groups.ts';
import { seedProgrammesDemo } from './demo-programmes.ts';
import { seedMatchingDemo } from './demo-matching.ts';
import { seedLibraryDemo } from './demo-solutions.ts';
import { seedStagesDemo } from './demo-stages.ts';
import { seedVisitsDemo } from './demo-visits.ts';

/** Every demo account signs in with this password (printed by `npm start`). */
export const DEMO_PASSWORD = 'climate-neutral-2030';

interface DemoPerson {
  email: string;
  name: string;
  grants: { role: Role; citySlug?: string; primaryContact?: boolean }[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { email: 'manager@demo.peercities.eu', name: 'Anna Lindqvist', grants: [{ role: 'programme_manager' }] },
  { email: 'manager2@demo.peercities.eu', name: 'Tomás Herrera', grants: [{ role: 'programme_manager' }, { role: 'evaluator' }] },
  { email: 'facilitator@demo.peercities.eu', name: 'Pierre Dubois', grants: [{ role: 'facilitator' }] },
  { email: 'facilitator2@demo.peercities.eu', name: 'Katrin Müller', grants: [{ role: 'facilitator' }] },
  { email: 'facilitator3@demo.peercities.eu', name: 'Giulia Bianchi', grants: [{ role: 'facilitator' }, { role: 'expert' }] },
  { email: 'evaluator@demo.peercities.eu', name: 'Jan Kowalski', grants: [{ role: 'evaluator' }] },
  { email: 'evaluator2@demo.peercities.eu', name: 'Ingrid Hansen', grants: [{ role: 'evaluator' }] },
  { email: 'expert@demo.peercities.eu', name: 'Sofia Rossi', grants: [{ role: 'expert' }] },
  { email: 'valencia@demo.peercities.eu', name: 'Lucía Martínez', grants: [{ role: 'city_representative', citySlug: 'valencia', primaryContact: true }] },
  { email: 'lahti@demo.peercities.eu', name: 'Mikko Virtanen', grants: [{ role: 'city_representative', citySlug: 'lahti', primaryContact: true }] },
  { email: 'lahti2@demo.peercities.eu', name: 'Aino Korhonen', grants: [{ role: 'city_representative', citySlug: 'lahti' }] },
  { email: 'krakow@demo.peercities.eu', name: 'Piotr Nowak', grants: [{ role: 'city_representative', citySlug: 'krakow', primaryContact: true }] },
];

const SEED_NAME = DEMO_FOUNDATION;

/**
 * Loads each demo set once, in order: people and Mission Cities, the library,
 * the programmes, the discussion groups, the study visits, the matching, the
 * editions at the stages between, the direct exchange (tartu@, valencia2@ and
 * a first conversation), expert support (profiles, expert2@, an open and a
 * closed request). Each set has its own marker in seed_runs, so an
 * installation seeded before a set existed receives it on its next start.
 *
 * `now` is the platform's clock (never the machine's directly, so tests can
 * seed at a fixed instant). Every date is relative to the first start, the
 * time the foundation set was seeded (DemoCalendar, decision 0021).
 */
export async function seedDemoData(db: Db, passwordHashCost: number, now: Date): Promise<boolean> {
  const foundation = await seedFoundation(db, passwordHashCost, now);
  const calendar = await demoCalendar(db, now);
  const library = await seedLibraryDemo(db, calendar);
  const programmes = await seedProgrammesDemo(db, calendar);
  const groups = await seedGroupsDemo(db, calendar);
  const visits = await seedVisitsDemo(db, calendar);
  const matching = await seedMatchingDemo(db, calendar);
  const stages = await seedStagesDemo(db, calendar);
  const consents = await seedDemoConsents(db);
  const registration = await seedDemoRegistrationOpen(db);
  const exchange = await seedExchangeDemo(db, calendar);
  const support = await seedSupportDemo(db, calendar);
  const knowledge = await seedSupportKnowledgeDemo(db, calendar);
  const supportSessions = await seedSupportSessionsDemo(db, calendar);
  const surveys = await seedSurveysDemo(db, calendar);
  return foundation || library || programmes || groups || visits || matching || stages || consents || registration || exchange || support || knowledge || supportSessions || surveys;
}

/**
 * A real installation starts with registration closed (migration 0022); the
 * demo opens it once, so that whoever tries the platform can register a city.
 * A manager who closes it later is not overruled at the next start.
 */
async function seedDemoRegistrationOpen(db: Db): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: 'demo-registration-open' }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx.updateTable('registration_settings').set({ open: true }).execute();
    return true;
  });
}

/**
 * The demo accounts accepted the privacy notice in force when they were made
 * (as if invited), so signing in as one does not start with the notice; a
 * version published later is asked for as for anyone (issue 18).
 */
async function seedDemoConsents(db: Db): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: 'demo-privacy-consents' }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await sql`
      INSERT INTO privacy_consents (person_id, notice_version, context)
      SELECT p.id, current.version, 'invitation'
        FROM people p, (SELECT version FROM privacy_notices ORDER BY published_at DESC, id DESC LIMIT 1) current
       WHERE p.password_hash IS NOT NULL
      ON CONFLICT (person_id, notice_version) DO NOTHING`.execute(trx);
    return true;
  });
}

async function seedFoundation(db: Db, passwordHashCost: number, now: Date): Promise<boolean> {
  const done = await db.selectFrom('seed_runs').select('name').where('name', '=', SEED_NAME).executeTakeFirst();
  if (done) return false;
  // One hash for all demo accounts: they share a published password anyway,
  // and hashing once keeps the first start fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD, passwordHashCost);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME, applied_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;

    await trx
      .insertInto('cities')
      .values(
        MISSION_CITIES.map((c) => ({
          slug: c.slug,
          name: c.name,
          country: c.country,
          kind: 'mission' as const,
          latitude: c.latitude,
          longitude: c.longitude,
          population: c.population,
          geonames_id: c.geonamesId,
          mission_label_date: c.missionLabelDate,
        })),
      )
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    const cities = await trx.selectFrom('cities').select(['id', 'slug']).execute();
    const cityId = new Map(cities.map((c) => [c.slug, c.id]));

    for (const person of DEMO_PEOPLE) {
      const { id } = await trx
        .insertInto('people')
        .values({ email: person.email, name: person.name, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const grant of person.grants) {
        const city = grant.citySlug ? cityId.get(grant.citySlug) : null;
        if (grant.citySlug && !city) throw new Error(`Demo data names an unknown city: ${grant.citySlug}`);
        await trx
          .insertInto('role_grants')
          .values({ person_id: id, role: grant.role, city_id: city ?? null, primary_contact: grant.primaryContact ?? false })
          .execute();
      }
    }
    return true;
  });
}
