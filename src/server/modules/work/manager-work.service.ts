import { localDateAt, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { feedbackWindow, followUpHorizon, isListed, urgencyOf, WORK_RULES } from '../../../domain/work/work-queue.ts';
import type { ReasonCode } from '../../../shared/reason-texts.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { CallKind } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import type { CallContext } from '../programmes/calls.service.ts';
import { activeCalls, callPath, evaluationsDueOf, selectionEndOf, type WorkContext } from './work-context.service.ts';
import { workItem, type Queue, type QueuedItem } from './work.presenter.ts';
import { callWorkStats, registrationsWaiting, visitsInPlay } from './work.repository.ts';

const LABELS = {
  host: { closing: 'WORK_HOST_CALL_CLOSING', toAssign: 'WORK_HOST_APPLICATIONS_TO_ASSIGN', overdue: 'WORK_HOST_EVALUATIONS_OVERDUE', decisions: 'WORK_HOST_DECISIONS_TO_PUBLISH' },
  visitor: {
    closing: 'WORK_VISITOR_CALL_CLOSING',
    toAssign: 'WORK_VISITOR_APPLICATIONS_TO_ASSIGN',
    overdue: 'WORK_VISITOR_EVALUATIONS_OVERDUE',
    decisions: 'WORK_VISITOR_DECISIONS_TO_PUBLISH',
  },
} as const satisfies Record<CallKind, Record<string, ReasonCode>>;

type Stats = Awaited<ReturnType<typeof callWorkStats>>[number];
const NO_APPLICATIONS = { drafts: 0, submitted: 0, lacking_evaluators: 0, pending_evaluations: 0 };

/**
 * A programme manager's queues, across every programme not finished: calls
 * closing, applications to assign, evaluations overdue, decisions to publish,
 * visits whose dates or agenda are not confirmed, feedback missing after
 * visits, and registrations waiting. Three statements besides the context.
 */
export async function managerQueues(db: Db, ctx: WorkContext): Promise<Queue[]> {
  const { now } = ctx;
  const calls = activeCalls(ctx).filter((c) => c.state === 'open' || (c.state === 'closed' && c.call.decisions_published_at === null));
  const [stats, visits, registrations] = await Promise.all([
    callWorkStats(
      db,
      calls.map((c) => c.call.id),
    ),
    visitsInPlay(db, followUpHorizon(localDateAt(now, 'UTC'))),
    registrationsWaiting(db),
  ]);
  const statsOf = (call: CallContext): Pick<Stats, keyof typeof NO_APPLICATIONS> => stats.find((s) => s.call_id === call.call.id) ?? NO_APPLICATIONS;

  const closing: QueuedItem[] = [];
  const toAssign: QueuedItem[] = [];
  const overdue: QueuedItem[] = [];
  const decisions: QueuedItem[] = [];
  for (const call of calls) {
    const s = statsOf(call);
    const labels = LABELS[call.call.kind];
    const programme = call.programme.title;
    const timeZone = call.programme.settings.timeZone;
    const key = (what: string) => `${what}:${call.call.id}`;
    if (call.state === 'open') {
      closing.push(
        workItem({
          key: key('call-closing'),
          label: reason(labels.closing, { programme, submitted: s.submitted, drafts: s.drafts }),
          date: { at: call.closesAt, meaning: 'closes' },
          urgency: urgencyOf(call.closesAt, now),
          link: callPath(call),
          timeZone,
        }),
      );
      continue;
    }
    if (s.submitted === 0) continue;
    const due = evaluationsDueOf(call);
    if (s.lacking_evaluators > 0) {
      toAssign.push(
        workItem({ key: key('to-assign'), label: reason(labels.toAssign, { programme }), count: s.lacking_evaluators, date: { at: due, meaning: 'due' }, urgency: urgencyOf(due, now), link: callPath(call, 'evaluation'), timeZone }),
      );
    }
    if (s.pending_evaluations > 0 && now > due) {
      overdue.push(
        workItem({ key: key('evaluations-overdue'), label: reason(labels.overdue, { programme }), count: s.pending_evaluations, date: { at: due, meaning: 'due' }, urgency: 'overdue', link: callPath(call, 'evaluation'), timeZone }),
      );
    }
    if (s.lacking_evaluators === 0 && s.pending_evaluations === 0) {
      const end = selectionEndOf(call);
      decisions.push(
        workItem({
          key: key('decisions'),
          label: reason(labels.decisions, { programme }),
          count: s.submitted,
          date: end ? { at: end, meaning: 'due' } : null,
          urgency: end ? urgencyOf(end, now) : 'soon',
          link: callPath(call, 'selection'),
          timeZone,
        }),
      );
    }
  }

  const toConfirm: QueuedItem[] = [];
  const feedback: QueuedItem[] = [];
  for (const v of visits) {
    const programme = ctx.programmes.get(v.programme_id);
    if (!programme) continue;
    const timeZone = programme.settings.timeZone;
    const params = { host: v.host_name, programme: programme.title };
    const link = `/visits/${v.id}`;
    const over = v.ends_on !== null && now > zonedToUtc(v.ends_on, '23:59:59', timeZone);
    if (!over && programme.phase !== 'finished' && (v.schedule_confirmed_at === null || v.agenda_items === 0)) {
      const startsAt = v.starts_on ? zonedToUtc(v.starts_on, '00:00:00', timeZone) : stepStart(programme.steps, 'visits');
      toConfirm.push(
        workItem({
          key: `${v.schedule_confirmed_at === null ? 'visit-dates' : 'visit-agenda'}:${v.id}`,
          label: reason(v.schedule_confirmed_at === null ? 'WORK_VISIT_DATES_UNCONFIRMED' : 'WORK_VISIT_AGENDA_EMPTY', params),
          date: startsAt ? { at: startsAt, meaning: 'starts' } : null,
          urgency: startsAt ? urgencyOf(startsAt, now, WORK_RULES.visitSoonDays) : 'later',
          link,
          timeZone,
        }),
      );
    }
    if (v.ends_on !== null && v.cities_without_feedback > 0) {
      const window = feedbackWindow(v.ends_on, timeZone);
      if (isListed(window, now)) {
        feedback.push(
          workItem({ key: `feedback-missing:${v.id}`, label: reason('WORK_VISIT_FEEDBACK_MISSING', params), count: v.cities_without_feedback, date: { at: window.dueAt, meaning: 'due' }, urgency: urgencyOf(window.dueAt, now), link, timeZone }),
        );
      }
    }
  }

  // Registrations are not a programme's: counted in Brussels time, as the platform's other days are by default.
  const waiting: QueuedItem[] =
    registrations.n > 0
      ? [
          workItem({
            key: 'registrations-waiting',
            label: reason('WORK_REGISTRATIONS_WAITING', { count: registrations.n }),
            date: registrations.oldest ? { at: new Date(registrations.oldest), meaning: 'since' } : null,
            urgency: 'soon',
            link: '/registrations',
            timeZone: 'Europe/Brussels',
          }),
        ]
      : [];

  const queue = (kind: Queue['kind'], items: QueuedItem[]): Queue => ({ kind, role: 'programme_manager', items, link: null });
  return [
    queue('calls_closing', closing),
    queue('applications_to_assign', toAssign),
    queue('evaluations_overdue', overdue),
    queue('decisions_to_publish', decisions),
    queue('visits_to_confirm', toConfirm),
    queue('feedback_missing', feedback),
    { kind: 'registrations_to_decide', role: 'programme_manager', items: waiting, link: '/registrations' },
  ];
}

function stepStart(steps: readonly { kind: string; startsAt: string }[], kind: string): Date | null {
  const step = steps.find((s) => s.kind === kind);
  return step ? new Date(step.startsAt) : null;
}
