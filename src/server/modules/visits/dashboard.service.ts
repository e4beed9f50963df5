import { learningComplete } from '../../../domain/calls/eligibility.ts';
import { localDateAt } from '../../../domain/time/zoned-time.ts';
import type { Db } from '../../db/client.ts';
import { learningRecords } from '../programmes/learning-progress.repository.ts';
import { funnelCounts, missionMeetingCounts } from './dashboard.repository.ts';
import { programmeImpact } from './follow-up.service.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';

/**
 * The programme's funnel, counted in cities: in a discussion group →
 * completed the phases → applied to visit → selected → visited → replicating;
 * and the online meetings requested with Mission Cities.
 */
export async function programmeDashboard(db: Db, slug: string, now: Date) {
  const programme = await programmeBySlugOrThrow(db, slug);
  const id = programme.id;
  const today = localDateAt(now, programme.settings.timeZone);
  const counts = await funnelCounts(db, id, today);
  // Exactly what the visitor call's eligibility counts: every phase, or a manager's mark.
  const learning = await learningRecords(db, id, programme.settings.learningPhases);
  const completed = [...learning.values()].filter(learningComplete).length;

  return {
    funnel: [
      { step: 'in_groups' as const, cities: counts.in_groups },
      { step: 'completed_phases' as const, cities: completed },
      { step: 'applied' as const, cities: counts.applied },
      { step: 'selected' as const, cities: counts.selected },
      { step: 'visited' as const, cities: counts.visited },
      { step: 'replicating' as const, cities: counts.replicating },
    ],
    travelCo2Kg: counts.travel_co2_kg,
    impact: await programmeImpact(db, id),
    missionMeetings: await missionMeetingCounts(db, id, programme.settings.timeZone),
  };
}
