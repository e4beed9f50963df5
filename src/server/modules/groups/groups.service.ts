import { buildCalendar, type CalendarEvent } from '../../../domain/calendar/ics.ts';
import { DEFAULT_COMPLETION_RULE, phasesCompletedByCity } from '../../../domain/groups/learning-phases.ts';
import { zonedToUtc } from '../../../domain/time/zoned-time.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { GroupSummary, type Group, type Session } from '../../../shared/group.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hasRole, representedCityIds, representsCity } from '../../../shared/role-predicates.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { sessionInvitationEmail } from './group-emails.ts';
import {
  admittedCityIds,
  attendanceOfSession,
  decideMembership,
  facilitatorsOf,
  findGroup,
  findSession,
  groupsOfProgramme,
  insertGroup,
  insertSession,
  isFacilitator,
  lockGroup,
  membershipsOf,
  participantsOf,
  peopleWithRole,
  personOfFeed,
  phasesOf,
  replaceCalendarFeed,
  deleteCalendarFeed,
  sessionsOf,
  sessionsOfPerson,
  upsertAttendance,
  upsertInterest,
  type GroupRow,
} from './groups.repository.ts';
import { programmeAttendance } from '../programmes/learning-progress.repository.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';

const SectorList = GroupSummary.shape.sectors;

const notFound = () => new AppError('NOT_FOUND', 'There is no such discussion group.');

export async function loadGroup(db: Db, id: string) {
  const row = await findGroup(db, id);
  if (!row) throw notFound();
  return row;
}

export async function canManage(db: Db, group: GroupRow, user: CurrentUser | null) {
  if (!user) return false;
  return hasRole(user, 'programme_manager') || (await isFacilitator(db, group.id, user.id));
}

export async function isMember(db: Db, group: GroupRow, user: CurrentUser | null) {
  if (!user) return false;
  const cities = await admittedCityIds(db, group.id);
  return cities.some((c) => representsCity(user, c));
}

async function assertManager(db: Db, group: GroupRow, user: CurrentUser) {
  if (!(await canManage(db, group, user))) throw new AppError('FORBIDDEN', 'Only the group’s facilitators and programme managers can do this.');
}

function summaryOf(row: GroupRow, facilitators: { group_id: string; id: string; name: string }[]): GroupSummary {
  return {
    id: row.id,
    programmeSlug: row.programme_slug,
    name: row.name,
    description: row.description,
    sectors: SectorList.parse(row.sectors),
    language: row.language,
    capacity: row.capacity,
    admitted: Number(row.admitted ?? 0),
    facilitators: facilitators.filter((f) => f.group_id === row.id).map((f) => ({ id: f.id, name: f.name })),
  };
}

export async function listGroups(db: Db, slug: string): Promise<GroupSummary[]> {
  const programme = await programmeBySlugOrThrow(db, slug);
  const rows = await groupsOfProgramme(db, programme.id);
  const facilitators = await facilitatorsOf(db, rows.map((r) => r.id));
  return rows.map((r) => summaryOf(r, facilitators));
}

export async function getGroup(db: Db, id: string, user: CurrentUser | null): Promise<Group> {
  const row = await loadGroup(db, id);
  const [facilitators, phases, manage, member] = await Promise.all([
    facilitatorsOf(db, [row.id]),
    phasesOf(db, row.programme_id),
    canManage(db, row, user),
    isMember(db, row, user),
  ]);
  const ownCities = new Set(representedCityIds(user));
  const memberships = await membershipsOf(db, row.id);
  // Managers and members see the group's cities; a representative always sees their own city's request.
  const visible = manage || member ? memberships : memberships.filter((m) => ownCities.has(m.city_id));
  return {
    ...summaryOf(row, facilitators),
    phases: phases.map((p) => ({ number: p.number, title: p.title, goals: p.goals, startsOn: p.starts_on, endsOn: p.ends_on })),
    members: user ? visible.map((m) => ({ cityId: m.city_id, cityName: m.city_name, country: m.country, status: m.status, sectors: m.sectors, message: m.message })) : null,
    viewer: { canManage: manage, isMember: member },
  };
}

export async function createGroup(
  db: Db,
  input: { slug: string; body: { name: string; description: string; sectors: string[]; language: string; capacity: number; facilitatorIds: string[] }; actor: CurrentUser; ip: string },
) {
  const programme = await programmeBySlugOrThrow(db, input.slug);
  const facilitatorIds = hasRole(input.actor, 'facilitator') && !input.body.facilitatorIds.includes(input.actor.id) ? [input.actor.id, ...input.body.facilitatorIds] : input.body.facilitatorIds;
  const facilitators = await peopleWithRole(db, facilitatorIds, 'facilitator');
  const missing = facilitatorIds.filter((id) => !facilitators.some((f) => f.person_id === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', 'Some people are not facilitators.', { errors: [{ field: 'body.facilitatorIds', message: 'Choose people who hold the facilitator role.' }] });
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertGroup(trx, { programmeId: programme.id, ...input.body, facilitatorIds });
    if (!created) throw new AppError('CONFLICT', `The programme already has a group called “${input.body.name}”.`);
    await recordAudit(trx, { actorId: input.actor.id, action: 'group.create', entityType: 'group', entityId: created, ip: input.ip, details: { after: input.body } });
    return created;
  });
  return getGroup(db, id, input.actor);
}

export async function expressInterest(db: Db, input: { groupId: string; cityId: string; sectors: string[]; message: string; user: CurrentUser; ip: string }) {
  const group = await loadGroup(db, input.groupId);
  if (!representsCity(input.user, input.cityId)) throw new AppError('FORBIDDEN', 'You can express interest only for a city you represent.');
  await db.transaction().execute(async (trx) => {
    const added = await upsertInterest(trx, { groupId: group.id, cityId: input.cityId, sectors: input.sectors, message: input.message, by: input.user.id });
    if (!added) throw new AppError('CONFLICT', 'Your city has already expressed interest in this group.');
    await recordAudit(trx, { actorId: input.user.id, action: 'group.express_interest', entityType: 'group', entityId: group.id, ip: input.ip, details: { cityId: input.cityId } });
  });
  return getGroup(db, group.id, input.user);
}

export async function decideMember(db: Db, input: { groupId: string; cityId: string; status: 'admitted' | 'declined'; actor: CurrentUser; ip: string }) {
  const group = await loadGroup(db, input.groupId);
  await assertManager(db, group, input.actor);
  await db.transaction().execute(async (trx) => {
    await lockGroup(trx, group.id);
    if (input.status === 'admitted') {
      const admitted = await admittedCityIds(trx, group.id);
      if (!admitted.includes(input.cityId) && admitted.length >= group.capacity) {
        throw new AppError('CONFLICT', `The group is full (${group.capacity} cities). Raise its capacity or decline another city first.`);
      }
    }
    if (!(await decideMembership(trx, group.id, input.cityId, input.status, input.actor.id))) throw new AppError('NOT_FOUND', 'This city has not expressed interest in the group.');
    await recordAudit(trx, { actorId: input.actor.id, action: `group.${input.status === 'admitted' ? 'admit' : 'decline'}`, entityType: 'group', entityId: group.id, ip: input.ip, details: { cityId: input.cityId } });
  });
  return getGroup(db, group.id, input.actor);
}

function presentSession(s: Awaited<ReturnType<typeof sessionsOf>>[number], showLink: boolean): Session {
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

export async function listSessions(db: Db, groupId: string, user: CurrentUser | null) {
  const group = await loadGroup(db, groupId);
  const showLink = (await canManage(db, group, user)) || (await isMember(db, group, user));
  return (await sessionsOf(db, group.id)).map((s) => presentSession(s, showLink));
}

/** Schedules a session in local time and emails every participant an invitation. */
export async function createSession(
  db: Db,
  input: { groupId: string; body: { phaseNumber: number; title: string; startsAtLocal: string; durationMinutes: number; joinUrl: string | null; agenda: string }; actor: CurrentUser; ip: string; publicUrl: string },
) {
  const group = await loadGroup(db, input.groupId);
  await assertManager(db, group, input.actor);
  const phases = await phasesOf(db, group.programme_id);
  if (!phases.some((p) => p.number === input.body.phaseNumber)) {
    throw new AppError('VALIDATION_FAILED', 'No such learning phase.', { errors: [{ field: 'body.phaseNumber', message: `Choose a phase from 1 to ${phases.length}.` }] });
  }
  const [date, time] = input.body.startsAtLocal.split('T');
  const startsAt = zonedToUtc(date ?? '', time ?? '', group.settings.timeZone);
  const id = await db.transaction().execute(async (trx) => {
    const sessionId = await insertSession(trx, { groupId: group.id, ...input.body, startsAt });
    for (const p of await participantsOf(trx, group.id)) {
      await enqueueEmail(
        trx,
        sessionInvitationEmail({
          to: p.email,
          name: p.name,
          groupName: group.name,
          title: input.body.title,
          startsAt,
          durationMinutes: input.body.durationMinutes,
          timeZone: group.settings.timeZone,
          joinUrl: input.body.joinUrl,
          icsUrl: `${input.publicUrl}/api/sessions/${sessionId}/calendar.ics`,
        }),
      );
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'group.schedule_session', entityType: 'session', entityId: sessionId, ip: input.ip, details: { groupId: group.id, ...input.body } });
    return sessionId;
  });
  const created = await findSession(db, id);
  if (!created) throw new Error('session vanished after insert');
  return presentSession(created, true);
}

function calendarEventOf(s: { id: string; title: string; starts_at: Date; duration_minutes: number; join_url: string | null; agenda: string; updated_at: Date }, groupName: string): CalendarEvent {
  const start = new Date(s.starts_at);
  return {
    uid: `session-${s.id}@peercities`,
    start,
    end: new Date(start.getTime() + s.duration_minutes * 60_000),
    summary: `${groupName}: ${s.title}`,
    description: [s.agenda, s.join_url ? `Join: ${s.join_url}` : ''].filter(Boolean).join('\n\n'),
    ...(s.join_url ? { location: s.join_url, url: s.join_url } : {}),
    stamp: new Date(s.updated_at),
  };
}

/** One session as an .ics file, for its participants, facilitators and managers. */
export async function sessionCalendar(db: Db, sessionId: string, user: CurrentUser) {
  const session = await findSession(db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'There is no such session.');
  const group = await loadGroup(db, session.group_id);
  if (!(await canManage(db, group, user)) && !(await isMember(db, group, user))) throw new AppError('NOT_FOUND', 'There is no such session.');
  return buildCalendar([calendarEventOf(session, group.name)], { name: group.name, timeZone: group.settings.timeZone });
}

export async function attendanceSheet(db: Db, sessionId: string, user: CurrentUser) {
  const session = await findSession(db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'There is no such session.');
  const group = await loadGroup(db, session.group_id);
  await assertManager(db, group, user);
  const [participants, records] = await Promise.all([participantsOf(db, group.id), attendanceOfSession(db, sessionId)]);
  const status = new Map(records.map((r) => [r.person_id, r.status]));
  return {
    sessionId,
    participants: participants.map((p) => ({ personId: p.person_id, name: p.name, cityId: p.city_id, cityName: p.city_name, status: status.get(p.person_id) ?? null })),
  };
}

/** Records attendance for many participants at once; everyone named must take part in the group. */
export async function recordAttendance(db: Db, input: { sessionId: string; records: { personId: string; status: 'present' | 'excused' | 'absent' }[]; actor: CurrentUser; ip: string }) {
  const session = await findSession(db, input.sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'There is no such session.');
  const group = await loadGroup(db, session.group_id);
  await assertManager(db, group, input.actor);
  const participants = new Map((await participantsOf(db, group.id)).map((p) => [p.person_id, p]));
  const errors = input.records.flatMap((r, i) => (participants.has(r.personId) ? [] : [{ field: `body.records.${i}.personId`, message: 'This person does not take part in the group.' }]));
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Some people do not take part in the group.', { errors });
  await db.transaction().execute(async (trx) => {
    await upsertAttendance(
      trx,
      input.records.map((r) => ({ sessionId: session.id, personId: r.personId, cityId: participants.get(r.personId)?.city_id ?? '', status: r.status, by: input.actor.id })),
    );
    await recordAudit(trx, { actorId: input.actor.id, action: 'group.record_attendance', entityType: 'session', entityId: session.id, ip: input.ip, details: { records: input.records } });
  });
  return attendanceSheet(db, session.id, input.actor);
}

export async function groupProgress(db: Db, groupId: string, user: CurrentUser) {
  const group = await loadGroup(db, groupId);
  const manage = await canManage(db, group, user);
  const memberships = (await membershipsOf(db, group.id)).filter((m) => m.status === 'admitted' && (manage || representsCity(user, m.city_id)));
  if (!manage && memberships.length === 0) throw new AppError('FORBIDDEN', 'Only the group’s facilitators, its member cities and programme managers can see its progress.');
  const [phases, attendance, sessions] = await Promise.all([phasesOf(db, group.programme_id), programmeAttendance(db, group.programme_id), sessionsOf(db, group.id)]);
  const done = phasesCompletedByCity(attendance, DEFAULT_COMPLETION_RULE);
  const inGroup = attendance.filter((a) => a.groupId === group.id);
  return {
    phases: phases.map((p) => ({ number: p.number, title: p.title, goals: p.goals, startsOn: p.starts_on, endsOn: p.ends_on })),
    cities: memberships.map((m) => {
      const completed = done.get(m.city_id) ?? [];
      return {
        cityId: m.city_id,
        cityName: m.city_name,
        phasesCompleted: completed,
        complete: phases.every((p) => completed.includes(p.number)),
        sessionsAttended: new Set(inGroup.filter((a) => a.cityId === m.city_id && a.status === 'present').map((a) => a.sessionId)).size,
      };
    }),
    sessions: manage
      ? sessions.map((s) => {
          const rows = inGroup.filter((a) => a.sessionId === s.id);
          const count = (st: string) => rows.filter((r) => r.status === st).length;
          return { sessionId: s.id, title: s.title, phaseNumber: s.phase_number, startsAt: new Date(s.starts_at).toISOString(), present: count('present'), excused: count('excused'), absent: count('absent') };
        })
      : [],
  };
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
  if (!feed) throw new AppError('NOT_FOUND', 'This calendar link was revoked or never existed.');
  const sessions = await sessionsOfPerson(db, feed.person_id);
  const timeZone = sessions[0]?.settings.timeZone ?? 'Europe/Brussels';
  return buildCalendar(sessions.map((s) => calendarEventOf(s, s.group_name)), { name: 'peercities sessions', timeZone });
}
