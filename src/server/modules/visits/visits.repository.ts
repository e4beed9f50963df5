import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export function visitRows(db: Q, filter: { programmeId?: string; visitId?: string }) {
  let q = db
    .selectFrom('study_visits as v')
    .innerJoin('programmes as p', 'p.id', 'v.programme_id')
    .innerJoin('cities as h', 'h.id', 'v.host_city_id')
    .leftJoin('people as f', 'f.id', 'v.facilitator_id')
    .select([
      'v.id',
      'v.programme_id',
      'p.slug as programme_slug',
      'p.settings',
      'v.host_city_id',
      'h.name as host_name',
      'h.slug as host_slug',
      'h.country as host_country',
      'h.latitude as host_latitude',
      'h.longitude as host_longitude',
      'v.facilitator_id',
      'f.name as facilitator_name',
      'v.host_unavailable',
      'v.starts_on',
      'v.ends_on',
      'v.schedule_confirmed_at',
      'v.version',
    ]);
  if (filter.programmeId) q = q.where('v.programme_id', '=', filter.programmeId);
  if (filter.visitId) q = q.where('v.id', '=', filter.visitId);
  return q.orderBy('h.name').execute();
}
export type VisitRow = Awaited<ReturnType<typeof visitRows>>[number];

export async function participantsOfVisits(db: Q, visitIds: readonly string[]) {
  if (!visitIds.length) return [];
  return db
    .selectFrom('visit_participants as vp')
    .innerJoin('cities as c', 'c.id', 'vp.city_id')
    .select(['vp.visit_id', 'c.id', 'c.name', 'c.slug', 'c.country', 'c.latitude', 'c.longitude'])
    .where('vp.visit_id', 'in', visitIds)
    .orderBy('c.name')
    .execute();
}

export async function travelOfVisits(db: Q, visitIds: readonly string[]) {
  if (!visitIds.length) return [];
  return db.selectFrom('visit_travel').selectAll().where('visit_id', 'in', visitIds).execute();
}

export function agendaOf(db: Q, visitId: string) {
  return db.selectFrom('visit_agenda_items').selectAll().where('visit_id', '=', visitId).orderBy('day').orderBy('starts_at').execute();
}

export function delegatesOf(db: Q, visitId: string) {
  return db.selectFrom('visit_delegates').selectAll().where('visit_id', '=', visitId).orderBy('city_id').orderBy('created_at').execute();
}

/** One visit per host with its visiting cities and facilitator (from a published match). */
export async function insertVisit(db: Q, v: { programmeId: string; hostCityId: string; facilitatorId: string | null; matchingRunId: string | null; visitorCityIds: readonly string[] }) {
  const { id } = await db
    .insertInto('study_visits')
    .values({ programme_id: v.programmeId, host_city_id: v.hostCityId, facilitator_id: v.facilitatorId, matching_run_id: v.matchingRunId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (v.visitorCityIds.length) await db.insertInto('visit_participants').values(v.visitorCityIds.map((city_id) => ({ visit_id: id, city_id }))).execute();
  return id;
}

export function facilitatorDaysOff(db: Q, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db.selectFrom('facilitator_unavailability').select(['person_id', 'day']).where('person_id', 'in', personIds).execute();
}

export async function setVisitDates(db: Q, id: string, startsOn: string, endsOn: string) {
  await db
    .updateTable('study_visits')
    .set((eb) => ({ starts_on: startsOn, ends_on: endsOn, schedule_confirmed_at: null, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function confirmSchedule(db: Q, programmeId: string) {
  await db.updateTable('study_visits').set({ schedule_confirmed_at: new Date() }).where('programme_id', '=', programmeId).execute();
}

export async function setHostUnavailable(db: Q, id: string, dates: string[]) {
  await db.updateTable('study_visits').set((eb) => ({ host_unavailable: dates, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

export async function insertAgendaItem(db: Q, visitId: string, i: { day: number; startsAt: string; endsAt: string; kind: 'site_visit' | 'talk' | 'workshop' | 'meal' | 'other'; title: string; place: string; solutionId: string | null }) {
  await db
    .insertInto('visit_agenda_items')
    .values({ visit_id: visitId, day: i.day, starts_at: i.startsAt, ends_at: i.endsAt, kind: i.kind, title: i.title, place: i.place, solution_id: i.solutionId })
    .execute();
}

export async function replaceDelegation(
  db: Q,
  visitId: string,
  cityId: string,
  delegates: readonly { name: string; roleTitle: string; email: string | null; dietary: string; accessNeeds: string }[],
  travel: { mode: 'rail' | 'air'; distanceKm: number; travellers: number; co2Kg: number },
) {
  await db.deleteFrom('visit_delegates').where('visit_id', '=', visitId).where('city_id', '=', cityId).execute();
  if (delegates.length) {
    await db
      .insertInto('visit_delegates')
      .values(delegates.map((d) => ({ visit_id: visitId, city_id: cityId, name: d.name, role_title: d.roleTitle, email: d.email, dietary: d.dietary, access_needs: d.accessNeeds })))
      .execute();
  }
  await db
    .insertInto('visit_travel')
    .values({ visit_id: visitId, city_id: cityId, mode: travel.mode, distance_km: travel.distanceKm, travellers: travel.travellers, co2_kg: travel.co2Kg })
    .onConflict((oc) => oc.columns(['visit_id', 'city_id']).doUpdateSet({ mode: travel.mode, distance_km: travel.distanceKm, travellers: travel.travellers, co2_kg: travel.co2Kg }))
    .execute();
}

/** Who to email about a visit: the representatives of the host and visiting cities, and the facilitator. */
export async function visitAudience(db: Q, visitId: string) {
  const result = await sql<{ id: string; email: string; name: string }>`
    SELECT p.id, p.email, p.name
      FROM people p
     WHERE p.disabled_at IS NULL
       AND (p.id = (SELECT facilitator_id FROM study_visits WHERE id = ${visitId})
            OR EXISTS (SELECT 1 FROM role_grants r
                        WHERE r.person_id = p.id AND r.role = 'city_representative'
                          AND r.city_id IN (SELECT host_city_id FROM study_visits WHERE id = ${visitId}
                                            UNION SELECT city_id FROM visit_participants WHERE visit_id = ${visitId})))
     ORDER BY p.email`.execute(db);
  return result.rows;
}

/** The programme's published, still-standing selections: host and visiting cities. */
export async function selectedCities(db: Q, programmeId: string) {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .innerJoin('application_decisions as d', 'd.application_id', 'a.id')
    .select(['a.city_id', 'k.kind'])
    .where('k.programme_id', '=', programmeId)
    .where('k.decisions_published_at', 'is not', null)
    .where('d.outcome', '=', 'selected')
    .where('a.status', '=', 'submitted')
    .execute();
  return { hosts: new Set(rows.filter((r) => r.kind === 'host').map((r) => r.city_id)), visitors: new Set(rows.filter((r) => r.kind === 'visitor').map((r) => r.city_id)) };
}
