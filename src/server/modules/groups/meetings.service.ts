import { buildCalendar, type CalendarEvent } from '../../../domain/calendar/ics.ts';
import { meetingDayProblem } from '../../../domain/groups/learning-phases.ts';
import { zonedToUtc } from '../../../domain/time/zoned-time.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Meeting } from '../../../shared/group.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { meetingCalendarUrl, meetingInvitationEmail } from './group-emails.ts';
import { participantsOf, phasesOf } from './groups.repository.ts';
import { mayRecordAttendance, mayTakePart } from './groups.policy.ts';
import { assertManager, loadGroup, standingIn } from './groups.service.ts';
import {
  attendanceOfMeeting,
  deleteCalendarFeed,
  findMeeting,
  insertMeeting,
  meetingsOf,
  meetingsOfPerson,
  personOfFeed,
  replaceCalendarFeed,
  upsertAttendance,
} from './meetings.repository.ts';

function presentMeeting(s: Awaited<ReturnType<typeof meetingsOf>>[number], showLink: boolean): Meeting {
  return {
    id: s.id,
    groupId: s.group_id,
    phaseNumber: s.phase_number,
    title: s.title,
    startsAt: new Date(s.starts_at).toISOString(),
    durationMinutes: s.duration_minutes,
    joinUrl: showLink ? s.join_url : null,
    agenda: s.agenda,
  };
}

const noMeeting = () => new AppError('NOT_FOUND', reason('MEETING_NOT_FOUND'));

/** The meeting and its group, or 404. */
async function loadMeeting(db: Db, meetingId: string) {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw noMeeting();
  return { meeting, group: await loadGroup(db, meeting.group_id) };
}

export async function listMeetings(db: Db, groupId: string, user: CurrentUser | null) {
  const group = await loadGroup(db, groupId);
  const showLink = mayTakePart(user, await standingIn(db, group.id, user));
  return (await meetingsOf(db, group.id)).map((s) => presentMeeting(s, showLink));
}

/** Schedules a meeting in local time and emails every participant an invitation. */
export async function createMeeting(
  db: Db,
  input: { groupId: string; body: { phaseNumber: number; title: string; startsAtLocal: string; durationMinutes: number; joinUrl: string | null; agenda: string }; actor: CurrentUser; ip: string; publicUrl: string },
) {
  const group = await loadGroup(db, input.groupId);
  await assertManager(db, group, input.actor);
  const phases = await phasesOf(db, group.programme_id);
  const phase = phases.find((p) => p.number === input.body.phaseNumber);
  if (!phase) {
    throw new AppError('VALIDATION_FAILED', reason('PHASE_NO_SUCH'), { errors: [fieldError('body.phaseNumber', reason('PHASE_RANGE', { phases: phases.length }))] });
  }
  const [date, time] = input.body.startsAtLocal.split('T');
  // The local day in the programme's zone, as the manager typed it.
  const outside = meetingDayProblem({ number: phase.number, startsOn: phase.starts_on, endsOn: phase.ends_on }, date ?? '');
  if (outside) throw new AppError('VALIDATION_FAILED', outside, { errors: [fieldError('body.startsAtLocal', outside)] });
  const startsAt = zonedToUtc(date ?? '', time ?? '', group.settings.timeZone);
  const id = await db.transaction().execute(async (trx) => {
    const meetingId = await insertMeeting(trx, { groupId: group.id, ...input.body, startsAt });
    for (const p of await participantsOf(trx, group.id)) {
      await enqueueEmail(
        trx,
        meetingInvitationEmail({
          to: p.email,
          name: p.name,
          groupName: group.name,
          title: input.body.title,
          startsAt,
          durationMinutes: input.body.durationMinutes,
          timeZone: group.settings.timeZone,
          joinUrl: input.body.joinUrl,
          icsUrl: meetingCalendarUrl(input.publicUrl, meetingId),
        }),
      );
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'group.schedule_meeting', entityType: 'meeting', entityId: meetingId, ip: input.ip, details: { groupId: group.id, ...input.body } });
    return meetingId;
  });
  const created = await findMeeting(db, id);
  if (!created) throw new Error('meeting vanished after insert');
  return presentMeeting(created, true);
}

function calendarEventOf(s: { id: string; title: string; starts_at: Date; duration_minutes: number; join_url: string | null; agenda: string; updated_at: Date }, groupName: string): CalendarEvent {
  const start = new Date(s.starts_at);
  return {
    // Calendars know an event by its UID: it keeps the word it was first
    // published with, or every subscribed calendar would show each meeting twice.
    uid: `session-${s.id}@peercities`,
    start,
    end: new Date(start.getTime() + s.duration_minutes * 60_000),
    summary: `${groupName}: ${s.title}`,
    description: [s.agenda, s.join_url ? `Join: ${s.join_url}` : ''].filter(Boolean).join('\n\n'),
    ...(s.join_url ? { location: s.join_url, url: s.join_url } : {}),
    stamp: new Date(s.updated_at),
  };
}

/** One meeting as an .ics file, for its participants, facilitators and managers (404 for anyone else). */
export async function meetingCalendar(db: Db, meetingId: string, user: CurrentUser) {
  const { meeting, group } = await loadMeeting(db, meetingId);
  if (!mayTakePart(user, await standingIn(db, group.id, user))) throw noMeeting();
  return buildCalendar([calendarEventOf(meeting, group.name)], { name: group.name, timeZone: group.settings.timeZone });
}

async function sheetOf(db: Db, groupId: string, meetingId: string) {
  const [participants, records] = await Promise.all([participantsOf(db, groupId), attendanceOfMeeting(db, meetingId)]);
  const status = new Map(records.map((r) => [r.person_id, r.status]));
  return {
    meetingId,
    participants: participants.map((p) => ({ personId: p.person_id, name: p.name, cityId: p.city_id, cityName: p.city_name, status: status.get(p.person_id) ?? null })),
  };
}

async function assertRecorder(db: Db, groupId: string, user: CurrentUser) {
  if (!mayRecordAttendance(user, await standingIn(db, groupId, user))) throw new AppError('FORBIDDEN', reason('GROUP_MANAGERS_ONLY'));
}

export async function attendanceSheet(db: Db, meetingId: string, user: CurrentUser) {
  const { meeting, group } = await loadMeeting(db, meetingId);
  await assertRecorder(db, group.id, user);
  return sheetOf(db, group.id, meeting.id);
}

/** Records attendance for many participants at once; everyone named must take part in the group. */
export async function recordAttendance(db: Db, input: { meetingId: string; records: { personId: string; status: 'present' | 'excused' | 'absent' }[]; actor: CurrentUser; ip: string }) {
  const { meeting, group } = await loadMeeting(db, input.meetingId);
  await assertRecorder(db, group.id, input.actor);
  const participants = new Map((await participantsOf(db, group.id)).map((p) => [p.person_id, p]));
  const errors = input.records.flatMap((r, i) => (participants.has(r.personId) ? [] : [fieldError(`body.records.${i}.personId`, reason('ATTENDANCE_NOT_PARTICIPANT'))]));
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('ATTENDANCE_NOT_PARTICIPANTS'), { errors });
  await db.transaction().execute(async (trx) => {
    await upsertAttendance(
      trx,
      input.records.map((r) => ({ meetingId: meeting.id, personId: r.personId, cityId: participants.get(r.personId)?.city_id ?? '', status: r.status, by: input.actor.id })),
    );
    await recordAudit(trx, { actorId: input.actor.id, action: 'group.record_attendance', entityType: 'meeting', entityId: meeting.id, ip: input.ip, details: { records: input.records } });
  });
  return sheetOf(db, group.id, meeting.id);
}

/** A new private feed URL (the previous one stops working). */
export async function renewCalendarFeed(db: Db, user: CurrentUser, publicUrl: string) {
  const token = newToken();
  await replaceCalendarFeed(db, user.id, hashToken(token));
  return { url: `${publicUrl}/api/calendar/${token}.ics` };
}

export async function revokeCalendarFeed(db: Db, user: CurrentUser) {
  await deleteCalendarFeed(db, user.id);
}

export async function feedCalendar(db: Db, token: string) {
  const feed = await personOfFeed(db, hashToken(token));
  if (!feed) throw new AppError('NOT_FOUND', reason('CALENDAR_LINK_GONE'));
  const meetings = await meetingsOfPerson(db, feed.person_id);
  const timeZone = meetings[0]?.settings.timeZone ?? 'Europe/Brussels';
  return buildCalendar(meetings.map((s) => calendarEventOf(s, s.group_name)), { name: 'peercities meetings', timeZone });
}
