import { sql } from 'kysely';
import { DEFAULT_COMPLETION_RULE, phasesCompletedByCity } from '../../../domain/groups/learning-phases.ts';
import { localDateAt } from '../../../domain/time/zoned-time.ts';
import type { Db } from '../../db/client.ts';
import { programmeAttendance } from '../programmes/learning-progress.repository.ts';
import { programmeImpact } from './follow-up.service.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';

/**
 * The programme's funnel, counted in cities: in a discussion group →
 * completed the phases → applied to visit → selected → visited → replicating.
 */
export async function programmeDashboard(db: Db, slug: string, now: Date) {
  const programme = await programmeBySlugOrThrow(db, slug);
  const id = programme.id;
  const today = localDateAt(now, programme.settings.timeZone);
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0]?.n ?? 0;

  const inGroups = await count(sql<{ n: number }>`
    SELECT count(DISTINCT m.city_id)::int AS n FROM group_memberships m JOIN discussion_groups g ON g.id = m.group_id
     WHERE g.programme_id = ${id} AND m.status = 'admitted'`);
  const attendance = await programmeAttendance(db, id);
  const phasesDone = phasesCompletedByCity(attendance, DEFAULT_COMPLETION_RULE);
  const phases = programme.settings.learningPhases;
  const completed = [...phasesDone.values()].filter((done) => done.length >= phases).length;
  const applied = await count(sql<{ n: number }>`
    SELECT count(DISTINCT a.city_id)::int AS n FROM applications a JOIN calls k ON k.id = a.call_id
     WHERE k.programme_id = ${id} AND k.kind = 'visitor' AND a.submitted_at IS NOT NULL`);
  const selected = await count(sql<{ n: number }>`
    SELECT count(DISTINCT a.city_id)::int AS n FROM applications a JOIN calls k ON k.id = a.call_id JOIN application_decisions d ON d.application_id = a.id
     WHERE k.programme_id = ${id} AND k.kind = 'visitor' AND k.decisions_published_at IS NOT NULL AND d.outcome = 'selected' AND a.status = 'submitted'`);
  const visited = await count(sql<{ n: number }>`
    SELECT count(DISTINCT vp.city_id)::int AS n FROM visit_participants vp JOIN study_visits v ON v.id = vp.visit_id
     WHERE v.programme_id = ${id} AND v.starts_on <= ${today}::date`);
  const replicating = await count(sql<{ n: number }>`
    SELECT count(DISTINCT r.city_id)::int AS n FROM replication_plans r JOIN study_visits v ON v.id = r.visit_id
     WHERE v.programme_id = ${id} AND EXISTS (SELECT 1 FROM replication_updates u WHERE u.plan_id = r.id AND u.status IN ('in_progress', 'done'))`);
  const travel = await count(sql<{ n: number }>`
    SELECT coalesce(round(sum(t.co2_kg)), 0)::int AS n FROM visit_travel t JOIN study_visits v ON v.id = t.visit_id WHERE v.programme_id = ${id}`);

  return {
    funnel: [
      { step: 'in_groups' as const, cities: inGroups },
      { step: 'completed_phases' as const, cities: completed },
      { step: 'applied' as const, cities: applied },
      { step: 'selected' as const, cities: selected },
      { step: 'visited' as const, cities: visited },
      { step: 'replicating' as const, cities: replicating },
    ],
    travelCo2Kg: travel,
    impact: await programmeImpact(db, id),
  };
}
