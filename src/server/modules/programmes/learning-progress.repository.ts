import type { Kysely } from 'kysely';
import type { LearningRecord } from '../../../domain/calls/eligibility.ts';
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

/** The cities a programme manager marked as having completed the learning phases. */
async function learningMarkedCities(db: Q, programmeId: string, filter: { cityId?: string }) {
  let q = db.selectFrom('learning_completions').select('city_id').where('programme_id', '=', programmeId);
  if (filter.cityId) q = q.where('city_id', '=', filter.cityId);
  return new Set((await q.execute()).map((r) => r.city_id));
}

/**
 * What the platform knows of the cities' learning in a programme — phases
 * completed across all its groups and managers' marks — for every city that
 * has either (or for one city, always present). Eligibility and the dashboard
 * both read it, and judge it with the domain's `learningComplete`.
 */
export async function learningRecords(db: Q, programmeId: string, phasesRequired: number, filter: { cityId?: string } = {}): Promise<Map<string, LearningRecord>> {
  const [attendance, marked] = await Promise.all([programmeAttendance(db, programmeId, filter), learningMarkedCities(db, programmeId, filter)]);
  const done = phasesCompletedByCity(attendance, DEFAULT_COMPLETION_RULE);
  const cities = new Set([...done.keys(), ...marked, ...(filter.cityId ? [filter.cityId] : [])]);
  return new Map([...cities].map((cityId) => [cityId, { phasesRequired, phasesCompleted: done.get(cityId) ?? [], markedCompleteByManager: marked.has(cityId) }]));
}
