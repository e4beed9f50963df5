import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SurveyAudience, SurveyRespondent } from '../../../shared/survey.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/**
 * Who a survey's audience reaches (docs/surveys.md, "Audiences"), as SQL
 * one can read:
 * - the cities of the audience (`citiesOf`): every city of the registry, its
 *   aspiring or Mission cities, the cities with a submitted application to
 *   one of a programme's calls, a discussion group's admitted members, a
 *   study visit's host and visitors, or the cities of a list;
 * - the people: those cities' representatives (role `city_representative`)
 *   whose accounts can sign in (not disabled, not erased, approved), and,
 *   for the `experts` audience, the people with the expert role, for a
 *   `list`, the people named (when active).
 */
export function citiesOf(audience: SurveyAudience): RawBuilder<{ city_id: string }> {
  switch (audience.kind) {
    case 'all-cities':
      return sql`SELECT id AS city_id FROM cities`;
    case 'aspiring-cities':
      return sql`SELECT id AS city_id FROM cities WHERE kind = 'aspiring'`;
    case 'mission-cities':
      return sql`SELECT id AS city_id FROM cities WHERE kind = 'mission'`;
    case 'programme-applicants':
      return sql`SELECT DISTINCT a.city_id FROM applications a JOIN calls k ON k.id = a.call_id WHERE k.programme_id = ${audience.programmeId} AND a.status = 'submitted'`;
    case 'group-members':
      return sql`SELECT city_id FROM group_memberships WHERE group_id = ${audience.groupId} AND status = 'admitted'`;
    case 'visit-participants':
      return sql`SELECT host_city_id AS city_id FROM study_visits WHERE id = ${audience.visitId} UNION SELECT city_id FROM visit_participants WHERE visit_id = ${audience.visitId}`;
    case 'experts':
      return sql`SELECT NULL::uuid AS city_id WHERE false`;
    case 'list':
      return audience.cityIds.length
        ? sql`SELECT id AS city_id FROM cities WHERE id IN (${sql.join(audience.cityIds)})`
        : sql`SELECT NULL::uuid AS city_id WHERE false`;
  }
}

/** People named by the audience besides the cities' representatives. */
function peopleOf(audience: SurveyAudience): RawBuilder<{ person_id: string }> {
  if (audience.kind === 'experts') return sql`SELECT person_id FROM role_grants WHERE role = 'expert'`;
  if (audience.kind === 'list' && audience.personIds.length) return sql`SELECT id AS person_id FROM people WHERE id IN (${sql.join(audience.personIds)})`;
  return sql`SELECT NULL::uuid AS person_id WHERE false`;
}

const ACTIVE = sql`p.disabled_at IS NULL AND p.erased_at IS NULL AND NOT p.approval_pending`;

/** Every (person, city) the audience reaches now: a representative once per city of the audience, a person named without a city once (city null). */
async function pairsOf(db: Q, audience: SurveyAudience): Promise<{ person_id: string; city_id: string | null }[]> {
  const result = await sql<{ person_id: string; city_id: string | null }>`
    WITH audience_cities AS (${citiesOf(audience)}),
         audience_people AS (${peopleOf(audience)})
    SELECT g.person_id, g.city_id
      FROM role_grants g
      JOIN people p ON p.id = g.person_id
     WHERE g.role = 'city_representative' AND g.city_id IN (SELECT city_id FROM audience_cities) AND ${ACTIVE}
    UNION
    SELECT p.id AS person_id, NULL::uuid AS city_id
      FROM people p
     WHERE p.id IN (SELECT person_id FROM audience_people) AND ${ACTIVE}
     ORDER BY 1, 2`.execute(db);
  return result.rows;
}

export interface Invitee {
  personId: string;
  /** Per-city surveys: the city the invitation is for; per-person: the person's city when they represent exactly one city of the audience, else null. */
  cityId: string | null;
}

/**
 * The invitations a survey's audience gives now, one per person (the key of
 * survey_invitations). Per person: everyone reached, with their city when
 * they represent exactly one city of the audience. Per city: the
 * representatives of the audience's cities (a person named without a city
 * is not asked to answer for one); a person representing several cities of
 * the audience is invited once, for the city that needs them most (the city
 * with the fewest representatives not yet covering another city), so that
 * every city of the audience is asked whenever its representatives allow.
 * They answer for each of their cities asked (my-surveys.service.ts).
 */
export async function inviteesOf(db: Q, audience: SurveyAudience, respondent: SurveyRespondent): Promise<Invitee[]> {
  const pairs = await pairsOf(db, audience);
  const byPerson = new Map<string, Set<string>>();
  for (const p of pairs) {
    const set = byPerson.get(p.person_id) ?? new Set<string>();
    if (p.city_id) set.add(p.city_id);
    byPerson.set(p.person_id, set);
  }
  if (respondent === 'person') {
    return [...byPerson].map(([personId, cities]) => ({ personId, cityId: cities.size === 1 ? [...cities][0]! : null }));
  }
  const repsOf = new Map<string, string[]>();
  for (const p of pairs) if (p.city_id) repsOf.set(p.city_id, [...(repsOf.get(p.city_id) ?? []), p.person_id]);
  const assigned = new Map<string, string>();
  // Cities with the fewest representatives first, so a person shared by two cities covers the one that has nobody else.
  const cities = [...repsOf].sort(([a, ra], [b, rb]) => ra.length - rb.length || a.localeCompare(b));
  for (const [cityId, reps] of cities) {
    const free = reps.filter((r) => !assigned.has(r));
    for (const r of free) assigned.set(r, cityId);
  }
  return [...assigned].sort(([a], [b]) => a.localeCompare(b)).map(([personId, cityId]) => ({ personId, cityId }));
}

/** How many cities and people the audience reaches now. */
export async function countAudience(db: Q, audience: SurveyAudience, respondent: SurveyRespondent): Promise<{ cities: number; people: number }> {
  const invitees = await inviteesOf(db, audience, respondent);
  const cities = respondent === 'city' ? invitees.flatMap((i) => (i.cityId ? [i.cityId] : [])) : (await pairsOf(db, audience)).flatMap((p) => (p.city_id ? [p.city_id] : []));
  return { cities: new Set(cities).size, people: invitees.length };
}
