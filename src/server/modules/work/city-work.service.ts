import { applicantStatus } from '../../../domain/calls/application-status.ts';
import { learningComplete } from '../../../domain/calls/eligibility.ts';
import { DEFAULT_COMPLETION_RULE, phasesCompletedByCity } from '../../../domain/groups/learning-phases.ts';
import { localDateAt, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { feedbackWindow, followUpHorizon, isListed, REPLICATION_CHECKPOINTS, replicationUpdateWindow, urgencyOf } from '../../../domain/work/work-queue.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { programmeAttendance } from '../programmes/learning-progress.repository.ts';
import { activeCalls, callPath, type WorkContext } from './work-context.service.ts';
import { workItem, type Queue, type QueuedItem } from './work.presenter.ts';
import { applicationsOfCities, cityFacts, membershipsOfCities, plansToFollow, visitsOfCities } from './city-work.repository.ts';
import { claimsOnCities } from './work.repository.ts';

/** An item about one city: the reminders go to that city's representatives. */
export interface CityItem {
  cityId: string;
  item: QueuedItem;
}

type VisitOfCity = Awaited<ReturnType<typeof visitsOfCities>>[number];
type PlanToFollow = Awaited<ReturnType<typeof plansToFollow>>[number];

/** The day the queues' database queries look back to for follow-up (and visits not over). */
export const followUpSince = (now: Date) => followUpHorizon(localDateAt(now, 'UTC'));

/**
 * Follow-up the cities owe after their visits, while it is listed: feedback
 * from the host and each visiting city, and each plan's 3-, 6- and 12-month
 * replication update, each due on a day in the programme's time zone.
 */
export function followUpItems(visits: readonly VisitOfCity[], plans: readonly PlanToFollow[], ctx: WorkContext): CityItem[] {
  const items: CityItem[] = [];
  for (const v of visits) {
    const programme = ctx.programmes.get(v.programme_id);
    if (!programme || v.ends_on === null || v.feedback_given) continue;
    const timeZone = programme.settings.timeZone;
    const window = feedbackWindow(v.ends_on, timeZone);
    if (!isListed(window, ctx.now)) continue;
    items.push({
      cityId: v.city_id,
      item: workItem({
        key: `feedback:${v.id}:${v.city_id}`,
        label: reason('WORK_CITY_FEEDBACK_DUE', { city: v.city_name, host: v.host_name }),
        date: { at: window.dueAt, meaning: 'due' },
        urgency: urgencyOf(window.dueAt, ctx.now),
        link: `/visits/${v.id}`,
        timeZone,
      }),
    });
  }
  for (const plan of plans) {
    const programme = ctx.programmes.get(plan.programme_id);
    if (!programme || plan.ends_on === null) continue;
    const timeZone = programme.settings.timeZone;
    for (const checkpoint of REPLICATION_CHECKPOINTS) {
      if (plan.checkpoints_reported.includes(checkpoint)) continue;
      const window = replicationUpdateWindow(plan.ends_on, checkpoint, timeZone);
      if (!isListed(window, ctx.now)) continue;
      items.push({
        cityId: plan.city_id,
        item: workItem({
          key: `update:${plan.id}:${checkpoint}`,
          label: reason('WORK_CITY_REPLICATION_UPDATE_DUE', { city: plan.city_name, months: checkpoint, plan: plan.title }),
          date: { at: window.dueAt, meaning: 'due' },
          urgency: urgencyOf(window.dueAt, ctx.now),
          link: `/visits/${plan.visit_id}`,
          timeZone,
        }),
      });
    }
  }
  return items;
}

/** Follow-up owed by every city (for the representatives' reminders): two statements. */
export async function allFollowUp(db: Db, ctx: WorkContext): Promise<CityItem[]> {
  const since = followUpSince(ctx.now);
  const [visits, plans] = await Promise.all([visitsOfCities(db, 'all', since), plansToFollow(db, 'all', since)]);
  return followUpItems(visits, plans, ctx);
}

/**
 * "My city": for the cities a representative acts for, and no other, the
 * calls they may still apply to, their applications and status, their
 * groups and learning progress, their visits, and the follow-up due.
 */
export async function cityQueues(db: Db, ctx: WorkContext, cityIds: readonly string[]): Promise<Queue[]> {
  const { now } = ctx;
  const calls = activeCalls(ctx);
  const since = followUpSince(now);
  const [cities, applications, memberships, visits, plans] = await Promise.all([
    cityFacts(db, cityIds),
    applicationsOfCities(
      db,
      cityIds,
      calls.map((c) => c.call.id),
    ),
    membershipsOfCities(
      db,
      cityIds,
      ctx.active.map((p) => p.id),
      now,
    ),
    visitsOfCities(db, cityIds, since),
    plansToFollow(db, cityIds, since),
  ]);

  const deadlines: QueuedItem[] = [];
  for (const call of calls.filter((c) => c.state === 'open')) {
    for (const city of cities) {
      // Host calls are for Mission Cities, visitor calls for the others; the call's page explains the rest of eligibility.
      if ((call.call.kind === 'host') !== (city.kind === 'mission')) continue;
      if (applications.some((a) => a.call_id === call.call.id && a.city_id === city.id)) continue;
      deadlines.push(
        workItem({
          key: `may-apply:${call.call.id}:${city.id}`,
          label: reason(call.call.kind === 'host' ? 'WORK_CITY_MAY_APPLY_HOST' : 'WORK_CITY_MAY_APPLY_VISITOR', { city: city.name, programme: call.programme.title }),
          date: { at: call.closesAt, meaning: 'closes' },
          urgency: urgencyOf(call.closesAt, now),
          link: callPath(call),
          timeZone: call.programme.settings.timeZone,
        }),
      );
    }
  }

  const applied = applications.flatMap((a) => {
    const call = calls.find((c) => c.call.id === a.call_id);
    if (!call) return [];
    const status = applicantStatus({ status: a.status, outcome: a.outcome, decisionsPublished: call.call.decisions_published_at !== null, callClosed: call.state === 'closed' });
    const stillOpen = call.state === 'open' && (status === 'draft' || status === 'submitted');
    return [
      workItem({
        key: `application:${a.id}`,
        label: reason(call.call.kind === 'host' ? 'WORK_CITY_HOST_APPLICATION' : 'WORK_CITY_VISITOR_APPLICATION', { city: a.city_name, programme: call.programme.title }),
        status,
        date: stillOpen ? { at: call.closesAt, meaning: 'closes' } : null,
        // A draft not sent by the deadline is lost: that presses; the rest is for information.
        urgency: stillOpen && status === 'draft' ? urgencyOf(call.closesAt, now) : 'later',
        link: `/applications/${a.id}`,
        timeZone: call.programme.settings.timeZone,
      }),
    ];
  });

  const groups = await groupItems(db, ctx, memberships);

  const taking = visits.flatMap((v) => {
    const programme = ctx.programmes.get(v.programme_id);
    if (!programme) return [];
    const timeZone = programme.settings.timeZone;
    if (v.ends_on !== null && now > zonedToUtc(v.ends_on, '23:59:59', timeZone)) return [];
    const startsAt = v.starts_on ? zonedToUtc(v.starts_on, '00:00:00', timeZone) : null;
    const hosting = v.host_city_id === v.city_id;
    return [
      workItem({
        key: `visit:${v.id}:${v.city_id}`,
        label: hosting ? reason('WORK_CITY_HOSTS_VISIT', { city: v.city_name, programme: programme.title }) : reason('WORK_CITY_VISITS_HOST', { city: v.city_name, host: v.host_name, programme: programme.title }),
        date: startsAt ? { at: startsAt, meaning: 'starts' } : null,
        urgency: startsAt ? urgencyOf(startsAt, now) : 'later',
        link: `/visits/${v.id}`,
        timeZone,
      }),
    ];
  });

  const queue = (kind: Queue['kind'], items: QueuedItem[]): Queue => ({ kind, role: 'city_representative', items, link: null });
  return [
    queue('city_deadlines', deadlines),
    queue('city_applications', applied),
    queue('city_groups', groups),
    queue('city_visits', taking),
    queue(
      'city_follow_up',
      followUpItems(visits, plans, ctx).map((c) => c.item),
    ),
  ];
}

type Membership = Awaited<ReturnType<typeof membershipsOfCities>>[number];

/** Each group with the city's learning progress in its programme (one statement per programme and city, usually one). */
async function groupItems(db: Db, ctx: WorkContext, memberships: readonly Membership[]): Promise<QueuedItem[]> {
  const pairs = [...new Map(memberships.map((m) => [`${m.programme_id}:${m.city_id}`, m])).values()];
  const progress = new Map(
    await Promise.all(
      pairs.map(async (m) => {
        const done = phasesCompletedByCity(await programmeAttendance(db, m.programme_id, { cityId: m.city_id }), DEFAULT_COMPLETION_RULE);
        return [`${m.programme_id}:${m.city_id}`, done.get(m.city_id) ?? []] as const;
      }),
    ),
  );
  return memberships.flatMap((m) => {
    const programme = ctx.programmes.get(m.programme_id);
    if (!programme) return [];
    const phases = programme.settings.learningPhases;
    const completed = progress.get(`${m.programme_id}:${m.city_id}`) ?? [];
    const done = completed.filter((n) => n <= phases).length;
    const params = { city: m.city_name, group: m.group_name };
    const next = m.next_meeting_at ? new Date(m.next_meeting_at) : null;
    return [
      workItem({
        key: `group:${m.group_id}:${m.city_id}`,
        label: learningComplete({ phasesRequired: phases, phasesCompleted: completed, markedCompleteByManager: Boolean(m.marked_complete) }) ? reason('WORK_CITY_GROUP_COMPLETE', params) : reason('WORK_CITY_GROUP_PROGRESS', { ...params, done, phases }),
        date: next ? { at: next, meaning: 'starts' } : null,
        urgency: next ? urgencyOf(next, ctx.now) : 'later',
        link: `/groups/${m.group_id}`,
        timeZone: programme.settings.timeZone,
      }),
    ];
  });
}

/**
 * Claims on the cities whose primary contact this person is: somebody
 * registered to represent the city too and waits for a confirmation
 * (modules/registration). No queue for other representatives.
 */
export async function claimQueues(db: Db, user: CurrentUser): Promise<Queue[]> {
  const cityIds = user.roles.flatMap((r) => (r.role === 'city_representative' && r.primaryContact && r.cityId ? [r.cityId] : []));
  if (!cityIds.length) return [];
  const claims = await claimsOnCities(db, cityIds);
  const items = claims.map((c) =>
    workItem({
      key: `city-claim:${c.id}`,
      label: reason('WORK_CITY_CLAIM', { name: c.name, city: c.city_name }),
      date: c.verified_at ? { at: new Date(c.verified_at), meaning: 'since' } : null,
      urgency: 'soon',
      link: '/registrations',
      timeZone: 'Europe/Brussels',
    }),
  );
  return [{ kind: 'city_claims', role: 'city_representative', items, link: '/registrations' }];
}
