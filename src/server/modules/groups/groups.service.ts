import { DEFAULT_COMPLETION_RULE, phasesCompletedByCity } from '../../../domain/groups/learning-phases.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { GroupSummary, type Group } from '../../../shared/group.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { programmeAttendance } from '../programmes/learning-progress.repository.ts';
import { programmeBySlugOrThrow } from '../programmes/programme-lookup.ts';
import {
  admittedCityIds,
  decideMembership,
  facilitatorsOf,
  findGroup,
  groupStanding,
  groupsOfProgramme,
  insertGroup,
  lockGroup,
  membershipsOf,
  peopleWithRole,
  phasesOf,
  upsertInterest,
  type GroupRow,
} from './groups.repository.ts';
import { facilitatorsOfNewGroup, isMember, mayExpressInterest, mayManage, NO_STANDING, visibleMemberships, visibleProgress, type GroupStanding } from './groups.policy.ts';
import { meetingsOf } from './meetings.repository.ts';

const SectorList = GroupSummary.shape.sectors;

const notFound = () => new AppError('NOT_FOUND', reason('GROUP_NOT_FOUND'));

export async function loadGroup(db: Db, id: string) {
  const row = await findGroup(db, id);
  if (!row) throw notFound();
  return row;
}

/** The user's standing in the group (groups.policy.ts); none when signed out. */
export async function standingIn(db: Db, groupId: string, user: CurrentUser | null): Promise<GroupStanding> {
  if (!user) return NO_STANDING;
  return (await groupStanding(db, groupId, user.id)) ?? NO_STANDING;
}

/** Refuses (403) whoever does not run the group. */
export async function assertManager(db: Db, group: GroupRow, user: CurrentUser) {
  if (!mayManage(user, await standingIn(db, group.id, user))) throw new AppError('FORBIDDEN', reason('GROUP_MANAGERS_ONLY'));
}

const presentPhase = (p: Awaited<ReturnType<typeof phasesOf>>[number]) => ({ number: p.number, title: p.title, goals: p.goals, startsOn: p.starts_on, endsOn: p.ends_on });

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
  const [facilitators, phases, memberships] = await Promise.all([facilitatorsOf(db, [row.id]), phasesOf(db, row.programme_id), membershipsOf(db, row.id)]);
  // The page already lists the facilitators and the cities: the viewer's standing needs no query of its own.
  const standing: GroupStanding = {
    facilitates: user !== null && facilitators.some((f) => f.id === user.id),
    member: isMember(user, memberships.filter((m) => m.status === 'admitted').map((m) => m.city_id)),
  };
  const visible = visibleMemberships(user, standing, memberships);
  return {
    ...summaryOf(row, facilitators),
    phases: phases.map(presentPhase),
    members: visible && visible.map((m) => ({ cityId: m.city_id, cityName: m.city_name, country: m.country, status: m.status, sectors: m.sectors, message: m.message })),
    viewer: { canManage: mayManage(user, standing), isMember: standing.member },
  };
}

export async function createGroup(
  db: Db,
  input: { slug: string; body: { name: string; description: string; sectors: string[]; language: string; capacity: number; facilitatorIds: string[] }; actor: CurrentUser; ip: string },
) {
  const programme = await programmeBySlugOrThrow(db, input.slug);
  const facilitatorIds = facilitatorsOfNewGroup(input.actor, input.body.facilitatorIds);
  const facilitators = await peopleWithRole(db, facilitatorIds, 'facilitator');
  const missing = facilitatorIds.filter((id) => !facilitators.some((f) => f.person_id === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', reason('GROUP_NOT_FACILITATORS'), { errors: [fieldError('body.facilitatorIds', reason('GROUP_CHOOSE_FACILITATORS'))] });
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertGroup(trx, { programmeId: programme.id, ...input.body, facilitatorIds });
    if (!created) throw new AppError('CONFLICT', reason('GROUP_NAME_TAKEN', { name: input.body.name }));
    await recordAudit(trx, { actorId: input.actor.id, action: 'group.create', entityType: 'group', entityId: created, ip: input.ip, details: { after: input.body } });
    return created;
  });
  return getGroup(db, id, input.actor);
}

export async function expressInterest(db: Db, input: { groupId: string; cityId: string; sectors: string[]; message: string; user: CurrentUser; ip: string }) {
  const group = await loadGroup(db, input.groupId);
  if (!mayExpressInterest(input.user, input.cityId)) throw new AppError('FORBIDDEN', reason('GROUP_INTEREST_OWN_CITY_ONLY'));
  await db.transaction().execute(async (trx) => {
    const added = await upsertInterest(trx, { groupId: group.id, cityId: input.cityId, sectors: input.sectors, message: input.message, by: input.user.id });
    if (!added) throw new AppError('CONFLICT', reason('GROUP_INTEREST_ALREADY'));
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
        throw new AppError('CONFLICT', reason('GROUP_FULL', { capacity: group.capacity }));
      }
    }
    if (!(await decideMembership(trx, group.id, input.cityId, input.status, input.actor.id))) throw new AppError('NOT_FOUND', reason('GROUP_NO_INTEREST'));
    await recordAudit(trx, { actorId: input.actor.id, action: `group.${input.status === 'admitted' ? 'admit' : 'decline'}`, entityType: 'group', entityId: group.id, ip: input.ip, details: { cityId: input.cityId } });
  });
  return getGroup(db, group.id, input.actor);
}

/** Phases completed per admitted city; for those who run the group, attendance by meeting too. */
export async function groupProgress(db: Db, groupId: string, user: CurrentUser) {
  const group = await loadGroup(db, groupId);
  const standing = await standingIn(db, group.id, user);
  const manage = mayManage(user, standing);
  const admitted = (await membershipsOf(db, group.id)).filter((m) => m.status === 'admitted');
  const memberships = visibleProgress(user, standing, admitted);
  if (!manage && memberships.length === 0) throw new AppError('FORBIDDEN', reason('GROUP_PROGRESS_PARTICIPANTS_ONLY'));
  const [phases, attendance, meetings] = await Promise.all([phasesOf(db, group.programme_id), programmeAttendance(db, group.programme_id), meetingsOf(db, group.id)]);
  const done = phasesCompletedByCity(attendance, DEFAULT_COMPLETION_RULE);
  const inGroup = attendance.filter((a) => a.groupId === group.id);
  return {
    phases: phases.map(presentPhase),
    cities: memberships.map((m) => {
      const completed = done.get(m.city_id) ?? [];
      return {
        cityId: m.city_id,
        cityName: m.city_name,
        phasesCompleted: completed,
        complete: phases.every((p) => completed.includes(p.number)),
        meetingsAttended: new Set(inGroup.filter((a) => a.cityId === m.city_id && a.status === 'present').map((a) => a.meetingId)).size,
      };
    }),
    meetings: manage
      ? meetings.map((s) => {
          const rows = inGroup.filter((a) => a.meetingId === s.id);
          const count = (st: string) => rows.filter((r) => r.status === st).length;
          return { meetingId: s.id, title: s.title, phaseNumber: s.phase_number, startsAt: new Date(s.starts_at).toISOString(), present: count('present'), excused: count('excused'), absent: count('absent') };
        })
      : [],
  };
}
