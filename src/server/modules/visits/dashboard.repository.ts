import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The counted steps of a programme's funnel, in cities, and the travel CO2
 * of its visits, in one statement. `today` is the programme's local date
 * (a visit that has started counts as visited).
 */
export async function funnelCounts(db: Kysely<Database>, programmeId: string, today: string) {
  const result = await sql<{ in_groups: number; applied: number; selected: number; visited: number; replicating: number; travel_co2_kg: number }>`
    SELECT
      (SELECT count(DISTINCT m.city_id)::int FROM group_memberships m JOIN discussion_groups g ON g.id = m.group_id
        WHERE g.programme_id = ${programmeId} AND m.status = 'admitted') AS in_groups,
      (SELECT count(DISTINCT a.city_id)::int FROM applications a JOIN calls k ON k.id = a.call_id
        WHERE k.programme_id = ${programmeId} AND k.kind = 'visitor' AND a.submitted_at IS NOT NULL) AS applied,
      (SELECT count(DISTINCT a.city_id)::int FROM applications a JOIN calls k ON k.id = a.call_id JOIN application_decisions d ON d.application_id = a.id
        WHERE k.programme_id = ${programmeId} AND k.kind = 'visitor' AND k.decisions_published_at IS NOT NULL AND d.outcome = 'selected' AND a.status = 'submitted') AS selected,
      (SELECT count(DISTINCT vp.city_id)::int FROM visit_participants vp JOIN study_visits v ON v.id = vp.visit_id
        WHERE v.programme_id = ${programmeId} AND v.starts_on <= ${today}::date) AS visited,
      (SELECT count(DISTINCT r.city_id)::int FROM replication_plans r JOIN study_visits v ON v.id = r.visit_id
        WHERE v.programme_id = ${programmeId} AND EXISTS (SELECT 1 FROM replication_updates u WHERE u.plan_id = r.id AND u.status IN ('in_progress', 'done'))) AS replicating,
      (SELECT coalesce(round(sum(t.co2_kg)), 0)::int FROM visit_travel t JOIN study_visits v ON v.id = t.visit_id
        WHERE v.programme_id = ${programmeId}) AS travel_co2_kg`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the funnel query returned no row');
  return row;
}
