import type { Kysely } from 'kysely';
import { DEFAULT_COMPLETION_RULE, phasesCompletedByCity } from '../../../domain/groups/learning-phases.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

// The learning phases belong to the programme; the calls' eligibility reads a
// city's progress here, below the groups module that records the attendance.

/** Attendance across every group of a programme, each record with its meeting's phase and group (the domain's AttendanceRecord). */
export function programmeAttendance(db: Q, programmeId: string, filter: { cityId?: string } = {}) {
  let q = db
    .selectFrom('meeting_attendance as a')
    .innerJoin('group_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('discussion_groups as g', 'g.id', 'm.group_id')
    .select(['a.city_id as cityId', 'm.phase_number as phaseNumber', 'a.meeting_id as meetingId', 'a.status', 'm.group_id as groupId'])
    .where('g.programme_id', '=', programmeId);
  if (filter.cityId) q = q.where('a.city_id', '=', filter.cityId);
  return q.execute();
}

/** Phases completed by a city across all of a programme's groups (for the visitor call). */
export async function learningProgressOf(db: Q, programmeId: string, cityId: string): Promise<number[]> {
  const done = phasesCompletedByCity(await programmeAttendance(db, programmeId, { cityId }), DEFAULT_COMPLETION_RULE);
  return done.get(cityId) ?? [];
}
