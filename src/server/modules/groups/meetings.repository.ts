import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { facilitatesGroup, representsAdmittedCityOf } from './groups.repository.ts';

type Q = Kysely<Database>;

export function meetingsOf(db: Q, groupId: string) {
  return db.selectFrom('group_meetings').selectAll().where('group_id', '=', groupId).orderBy('starts_at').execute();
}

export function findMeeting(db: Q, id: string) {
  return db.selectFrom('group_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMeeting(db: Q, m: { groupId: string; phaseNumber: number; title: string; startsAt: Date; durationMinutes: number; joinUrl: string | null; agenda: string }) {
  const row = await db
    .insertInto('group_meetings')
    .values({ group_id: m.groupId, phase_number: m.phaseNumber, title: m.title, starts_at: m.startsAt, duration_minutes: m.durationMinutes, join_url: m.joinUrl, agenda: m.agenda })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function attendanceOfMeeting(db: Q, meetingId: string) {
  return db.selectFrom('meeting_attendance').select(['person_id', 'city_id', 'status']).where('meeting_id', '=', meetingId).execute();
}

export async function upsertAttendance(db: Q, rows: readonly { meetingId: string; personId: string; cityId: string; status: 'present' | 'excused' | 'absent'; by: string }[]) {
  for (const r of rows) {
    await db
      .insertInto('meeting_attendance')
      .values({ meeting_id: r.meetingId, person_id: r.personId, city_id: r.cityId, status: r.status, recorded_by: r.by })
      .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doUpdateSet({ status: r.status, recorded_by: r.by, recorded_at: new Date() }))
      .execute();
  }
}

/** Meetings a person takes part in (as member city representative or facilitator), for the calendar feed. */
export function meetingsOfPerson(db: Q, personId: string) {
  return db
    .selectFrom('group_meetings as mt')
    .innerJoin('discussion_groups as g', 'g.id', 'mt.group_id')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .select(['mt.id', 'mt.title', 'mt.starts_at', 'mt.duration_minutes', 'mt.join_url', 'mt.agenda', 'mt.updated_at', 'g.name as group_name', 'p.settings'])
    .where((eb) => eb.or([facilitatesGroup('g.id', personId), representsAdmittedCityOf('g.id', personId)]))
    .orderBy('mt.starts_at')
    .execute();
}

export async function replaceCalendarFeed(db: Q, personId: string, tokenHash: string) {
  await db
    .insertInto('calendar_feeds')
    .values({ person_id: personId, token_hash: tokenHash })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token_hash: tokenHash, created_at: new Date() }))
    .execute();
}

export async function deleteCalendarFeed(db: Q, personId: string) {
  await db.deleteFrom('calendar_feeds').where('person_id', '=', personId).execute();
}

export function personOfFeed(db: Q, tokenHash: string) {
  return db.selectFrom('calendar_feeds').select('person_id').where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Each participant (representative of an admitted city, not disabled) of
 * each meeting that starts after `from` and by `until`, unless already
 * reminded of it.
 */
export function dueMeetingReminders(db: Q, from: Date, until: Date) {
  return db
    .selectFrom('group_meetings as mt')
    .innerJoin('discussion_groups as g', 'g.id', 'mt.group_id')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .innerJoin('group_memberships as m', (j) => j.onRef('m.group_id', '=', 'g.id').on('m.status', '=', 'admitted'))
    .innerJoin('role_grants as r', (j) => j.onRef('r.city_id', '=', 'm.city_id').on('r.role', '=', 'city_representative'))
    .innerJoin('people as pe', 'pe.id', 'r.person_id')
    .select(['mt.id as meeting_id', 'mt.title', 'mt.starts_at', 'mt.join_url', 'g.name as group_name', 'p.settings', 'pe.id as person_id', 'pe.email', 'pe.name'])
    .where('mt.starts_at', '>', from)
    .where('mt.starts_at', '<=', until)
    .where('pe.disabled_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('meeting_reminders as x').select('x.person_id').whereRef('x.meeting_id', '=', 'mt.id').whereRef('x.person_id', '=', 'pe.id'))))
    .execute();
}

/** Records the reminder of one meeting to one person; false when it was already sent. */
export async function claimMeetingReminder(db: Q, meetingId: string, personId: string): Promise<boolean> {
  const claimed = await db.insertInto('meeting_reminders').values({ meeting_id: meetingId, person_id: personId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}
