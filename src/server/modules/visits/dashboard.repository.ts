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

/**
 * Meeting requests with Mission Cities (issue 20), for a programme: requests
 * made from the programme's first day to its last (its milestones, in its
 * time zone) in conversations where at least one party is a Mission City.
 * Conversations belong to no programme, so the programme's dates are what
 * ties them to it. `accepted` counts the requests whose time is agreed now
 * (not declined, cancelled or still open). By sector: of the solution the
 * conversation is about (a solution with several sectors counts in each;
 * conversations about no solution count in the totals only). By country: of
 * the Mission City (a request with two Mission Cities counts in both).
 */
export async function missionMeetingCounts(db: Kysely<Database>, programmeId: string, timeZone: string) {
  const scope = sql`
    WITH period AS (
      SELECT (min(starts_on)::timestamp AT TIME ZONE ${timeZone}) AS from_at,
             ((max(ends_on) + 1)::timestamp AT TIME ZONE ${timeZone}) AS until_at
        FROM programme_milestones WHERE programme_id = ${programmeId}
    ),
    counted AS (
      SELECT mr.id, mr.status, mr.conversation_id, c.about_solution_id
        FROM meeting_requests mr
        JOIN conversations c ON c.id = mr.conversation_id
        CROSS JOIN period
       WHERE mr.created_at >= period.from_at AND mr.created_at < period.until_at
         AND EXISTS (SELECT 1 FROM conversation_parties cp JOIN cities ci ON ci.id = cp.city_id
                      WHERE cp.conversation_id = mr.conversation_id AND cp.kind = 'city' AND ci.kind = 'mission')
    )`;
  const [totals, bySector, byCountry] = await Promise.all([
    sql<{ requests: number; accepted: number }>`${scope}
      SELECT count(*)::int AS requests, count(*) FILTER (WHERE status = 'accepted')::int AS accepted FROM counted`.execute(db),
    sql<{ name: string; requests: number; accepted: number }>`${scope}
      SELECT sector AS name, count(*)::int AS requests, count(*) FILTER (WHERE k.status = 'accepted')::int AS accepted
        FROM counted k JOIN solutions s ON s.id = k.about_solution_id CROSS JOIN LATERAL unnest(s.sectors) AS sector
       GROUP BY sector ORDER BY requests DESC, sector`.execute(db),
    sql<{ name: string; requests: number; accepted: number }>`${scope}
      SELECT ci.country AS name, count(DISTINCT k.id)::int AS requests, count(DISTINCT k.id) FILTER (WHERE k.status = 'accepted')::int AS accepted
        FROM counted k JOIN conversation_parties cp ON cp.conversation_id = k.conversation_id AND cp.kind = 'city'
        JOIN cities ci ON ci.id = cp.city_id AND ci.kind = 'mission'
       GROUP BY ci.country ORDER BY requests DESC, ci.country`.execute(db),
  ]);
  const t = totals.rows[0] ?? { requests: 0, accepted: 0 };
  return { requests: t.requests, accepted: t.accepted, bySector: bySector.rows, byCountry: byCountry.rows };
}
