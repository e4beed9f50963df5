import { localDateAt, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { urgencyOf, waitingUrgency, WORK_RULES } from '../../../domain/work/work-queue.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import type { WorkContext } from './work-context.service.ts';
import { workItem, type Queue, type QueuedItem } from './work.presenter.ts';
import { facilitatorMeetings, facilitatorVisits, threadsWaitingFor } from './work.repository.ts';

/** How far ahead a facilitator's next meetings are listed. */
const MEETINGS_AHEAD_DAYS = 14;

/**
 * A facilitator's queues, for the groups they run in programmes not
 * finished: meetings in the next two weeks, past meetings without any
 * attendance recorded, and threads whose latest post waits for a
 * facilitator's answer, and the study visits they accompany until each is
 * over. Three statements besides the context.
 */
export async function facilitatorQueues(db: Db, ctx: WorkContext, personId: string): Promise<Queue[]> {
  const { now } = ctx;
  const programmeIds = ctx.active.map((p) => p.id);
  const until = new Date(now.getTime() + MEETINGS_AHEAD_DAYS * 24 * 3600 * 1000);
  // A day's margin in UTC; whether a visit is over is decided below in its programme's time zone.
  const endsFrom = localDateAt(new Date(now.getTime() - 24 * 3600 * 1000), 'UTC');
  const [meetings, threads, visits] = await Promise.all([
    facilitatorMeetings(db, personId, programmeIds, now, until),
    threadsWaitingFor(db, personId, programmeIds),
    facilitatorVisits(db, personId, programmeIds, endsFrom),
  ]);
  const timeZoneOf = (programmeId: string) => ctx.programmes.get(programmeId)?.settings.timeZone ?? 'UTC';

  const next: QueuedItem[] = [];
  const attendance: QueuedItem[] = [];
  for (const m of meetings) {
    const startsAt = new Date(m.starts_at);
    const endsAt = new Date(startsAt.getTime() + m.duration_minutes * 60_000);
    const params = { meeting: m.title, group: m.group_name };
    const common = { link: `/groups/${m.group_id}`, timeZone: timeZoneOf(m.programme_id) };
    if (startsAt >= now) {
      next.push(workItem({ key: `meeting:${m.id}`, label: reason('WORK_MEETING', params), date: { at: startsAt, meaning: 'starts' }, urgency: urgencyOf(startsAt, now), ...common }));
    } else if (endsAt <= now) {
      attendance.push(workItem({ key: `attendance:${m.id}`, label: reason('WORK_ATTENDANCE_TO_RECORD', params), date: { at: startsAt, meaning: 'held' }, urgency: waitingUrgency(endsAt, now), ...common }));
    }
  }
  const waiting = threads.map((t) => {
    const since = new Date(t.last_post_at);
    return workItem({
      key: `thread:${t.id}`,
      label: reason('WORK_THREAD_WAITING', { thread: t.title, group: t.group_name }),
      date: { at: since, meaning: 'since' },
      urgency: waitingUrgency(since, now),
      link: `/discussions/${t.id}`,
      timeZone: timeZoneOf(t.programme_id),
    });
  });
  const accompany: QueuedItem[] = [];
  for (const v of visits) {
    const programme = ctx.programmes.get(v.programme_id);
    if (!programme) continue;
    const timeZone = programme.settings.timeZone;
    if (v.ends_on !== null && now > zonedToUtc(v.ends_on, '23:59:59', timeZone)) continue;
    // Without dates yet, the visit starts at the latest when the programme's visits step does.
    const step = programme.steps.find((s) => s.kind === 'visits');
    const startsAt = v.starts_on ? zonedToUtc(v.starts_on, '00:00:00', timeZone) : step ? new Date(step.startsAt) : null;
    accompany.push(
      workItem({
        key: `accompany:${v.id}`,
        label: reason('WORK_FACILITATOR_VISIT', { host: v.host_name, programme: programme.title }),
        date: startsAt ? { at: startsAt, meaning: 'starts' } : null,
        urgency: startsAt ? urgencyOf(startsAt, now, WORK_RULES.visitSoonDays) : 'later',
        link: `/visits/${v.id}`,
        timeZone,
      }),
    );
  }
  return [
    { kind: 'next_meetings', role: 'facilitator', items: next, link: '/groups' },
    { kind: 'attendance_to_record', role: 'facilitator', items: attendance, link: null },
    { kind: 'threads_waiting', role: 'facilitator', items: waiting, link: null },
    { kind: 'visits_to_accompany', role: 'facilitator', items: accompany, link: null },
  ];
}
