import { addDays } from '../../domain/time/zoned-time.ts';
import { delegationTravel } from '../../domain/visits/delegation-travel.ts';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import { finishedEditionSlug } from './demo-programmes.ts';

const SEED_NAME = 'demo-visits-v1';

const VISITS = [
  { host: 'valencia', facilitator: 'facilitator@demo.peercities.eu', visitors: ['cologne', 'graz', 'ghent'], start: '2025-05-20', mode: ['air', 'air', 'air'] as const },
  { host: 'milan', facilitator: 'facilitator2@demo.peercities.eu', visitors: ['bilbao', 'brno', 'gdansk'], start: '2025-06-03', mode: ['air', 'rail', 'air'] as const },
  { host: 'espoo', facilitator: 'facilitator3@demo.peercities.eu', visitors: ['oulu', 'plovdiv', 'tallinn'], start: '2025-06-17', mode: ['rail', 'air', 'rail'] as const },
];

const AGENDA = [
  { day: 1, starts_at: '09:00', ends_at: '10:00', kind: 'talk', title: 'Welcome: the city’s Climate City Contract', place: 'City hall' },
  { day: 1, starts_at: '10:30', ends_at: '13:00', kind: 'site_visit', title: 'Site visit', place: 'On site' },
  { day: 1, starts_at: '13:00', ends_at: '14:00', kind: 'meal', title: 'Lunch with the project team', place: 'City hall' },
  { day: 2, starts_at: '09:30', ends_at: '12:30', kind: 'workshop', title: 'Replication workshop: what could work at home?', place: 'Innovation hub' },
] as const;

/**
 * The 2025 edition's three completed study visits: agendas, delegations with
 * their travel, feedback and replication plans with their follow-up, so the
 * dashboard and the public programme page have a finished edition to show.
 */
export async function seedVisitsDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const programme = await trx.selectFrom('programmes').select('id').where('slug', '=', finishedEditionSlug(cal)).executeTakeFirst();
    if (!programme) return false;
    const cities = await trx.selectFrom('cities').select(['id', 'slug', 'latitude', 'longitude']).execute();
    const bySlug = new Map(cities.map((c) => [c.slug, c]));
    const people = await trx.selectFrom('people').select(['id', 'email']).execute();
    const personId = (email: string) => people.find((p) => p.email === email)?.id ?? null;

    for (const [i, v] of VISITS.entries()) {
      const host = bySlug.get(v.host);
      if (!host) continue;
      const start = cal.date(v.start);
      const { id: visitId } = await trx
        .insertInto('study_visits')
        .values({ programme_id: programme.id, host_city_id: host.id, facilitator_id: personId(v.facilitator), starts_on: start, ends_on: addDays(start, 1), schedule_confirmed_at: cal.instant('2025-04-15T10:00:00Z') })
        .returning('id')
        .executeTakeFirstOrThrow();
      const hostSolution = await trx.selectFrom('solutions').select(['id', 'title']).where('city_id', '=', host.id).where('status', '=', 'published').orderBy('title').executeTakeFirst();
      await trx
        .insertInto('visit_agenda_items')
        .values(AGENDA.map((a) => ({ visit_id: visitId, ...a, title: a.kind === 'site_visit' && hostSolution ? `Site visit: ${hostSolution.title}` : a.title, solution_id: a.kind === 'site_visit' ? (hostSolution?.id ?? null) : null })))
        .execute();
      for (const [j, slug] of v.visitors.entries()) {
        const city = bySlug.get(slug);
        if (!city) continue;
        await trx.insertInto('visit_participants').values({ visit_id: visitId, city_id: city.id }).execute();
        const mode = v.mode[j] ?? 'air';
        const travel = delegationTravel(city, host, mode, 3);
        await trx.insertInto('visit_travel').values({ visit_id: visitId, city_id: city.id, mode, distance_km: travel.distanceKm, travellers: 3, co2_kg: travel.co2Kg }).execute();
        await trx
          .insertInto('visit_delegates')
          .values([1, 2, 3].map((n) => ({ visit_id: visitId, city_id: city.id, name: `Delegate ${n} of ${slug} (demo)`, role_title: n === 1 ? 'Climate coordinator' : 'Project officer' })))
          .execute();
        const rep = personId(`${slug}@demo.peercities.eu`);
        if (rep) {
          await trx
            .insertInto('visit_feedback')
            .values({ visit_id: visitId, person_id: rep, city_id: city.id, role: 'visitor', ratings: JSON.stringify({ overall: 5 - (j % 2), relevance: 5, organisation: 4 + (i % 2) }), comments: 'Seeing the site and meeting the team made the difference. (Demo feedback.)' })
            .execute();
        }
        const { id: planId } = await trx
          .insertInto('replication_plans')
          .values({
            visit_id: visitId,
            city_id: city.id,
            solution_id: hostSolution?.id ?? null,
            title: hostSolution ? `Adapt “${hostSolution.title}”` : 'Adapt what we saw',
            steps: JSON.stringify([
              { text: 'Present the visit to the city council', owner: 'Climate coordinator', targetDate: cal.date('2025-09-30') },
              { text: 'Feasibility study', owner: 'Project officer', targetDate: cal.date('2026-03-31') },
            ]),
            owner: 'Climate coordinator',
            target_date: cal.date('2026-12-31'),
            created_by: rep,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const statuses = j === 0 ? (['in_progress', 'in_progress', 'done'] as const) : j === 1 ? (['in_progress', 'in_progress', 'in_progress'] as const) : (['not_started', 'dropped'] as const);
        await trx
          .insertInto('replication_updates')
          .values(statuses.map((status, k) => ({ plan_id: planId, checkpoint: ([3, 6, 12] as const)[k] ?? 12, status, evidence_text: status === 'done' ? `Pilot running since ${cal.month(cal.date('2026-04-01'))}. (Demo.)` : '', created_by: rep })))
          .execute();
      }
    }
    return true;
  });
}
