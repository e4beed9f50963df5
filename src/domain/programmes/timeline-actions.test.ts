import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { windowOfDates } from './call-window.ts';
import { defaultTimeline } from './programme-template.ts';
import { planAdvance, planClose, planExtend, planOpen, planPublish, planReopen, type CallFacts, type Plan, type TimelineFacts } from './timeline-actions.ts';

const TZ = 'Europe/Brussels';
const timeline = defaultTimeline(2027);
const dates = (kind: string) => {
  const m = timeline.find((x) => x.kind === kind);
  if (!m) throw new Error(kind);
  return m;
};

function call(kind: 'host_call' | 'visitor_call', more: Partial<CallFacts> = {}): CallFacts {
  const m = dates(kind);
  return { ...windowOfDates(m.startsOn, m.endsOn, TZ), questions: 3, criteria: 2, decisionsPublished: false, submitted: 0, drafts: 0, lastSubmittedAt: null, ...more };
}

function facts(now: string, more: Partial<TimelineFacts> = {}, calls: Partial<TimelineFacts['calls']> = {}): TimelineFacts {
  return { published: true, timeZone: TZ, milestones: timeline, calls: { host: call('host_call'), visitor: call('visitor_call'), ...calls }, now: new Date(now), ...more };
}

const words = (plan: Plan) => (plan.ok ? plan.effects.map(englishText) : [`refused: ${englishText(plan.refusal)}`]);
const step = (plan: Plan, kind: string) => (plan.ok ? plan.milestones.find((m) => m.kind === kind) : undefined);

describe('opening a call now', () => {
  it('opens the host call during the discussion groups, with its own deadline, and its milestone starts today', () => {
    const plan = planOpen(facts('2026-11-20T10:00:00Z'), 'host');
    expect(words(plan)).toEqual(['The host call opens now: eligible cities can start their applications.', 'Cities can apply to the host call until 2026-12-31 at 23:59 (Europe/Brussels time).']);
    expect(plan.ok && plan.windows.host?.opensAt.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(step(plan, 'host_call')).toEqual({ kind: 'host_call', startsOn: '2026-11-20', endsOn: '2026-12-31' });
  });

  it('refuses a draft, a call without questions or criteria, and one already open or closed, each with its reason', () => {
    expect(words(planOpen(facts('2026-11-20T10:00:00Z', { published: false }), 'host'))).toEqual(['refused: The programme is a draft: publish it first.']);
    expect(words(planOpen(facts('2026-11-20T10:00:00Z', {}, { host: call('host_call', { questions: 0 }) }), 'host'))).toEqual([
      'refused: The host call has no questions: add them before it opens.',
    ]);
    expect(words(planOpen(facts('2026-11-20T10:00:00Z', {}, { host: call('host_call', { criteria: 0 }) }), 'host'))).toEqual([
      'refused: The host call has no evaluation criteria: add them before it opens.',
    ]);
    expect(words(planOpen(facts('2026-12-10T10:00:00Z'), 'host'))).toEqual(['refused: The host call is already open.']);
    expect(words(planOpen(facts('2027-01-10T10:00:00Z'), 'host'))).toEqual(['refused: The host call has closed: extend its deadline, or reopen it for a late city.']);
  });

  it('opens the visitor call only after the hosts are published, and ends the host selection today', () => {
    const hostsOut = { host: call('host_call', { decisionsPublished: true }) };
    expect(words(planOpen(facts('2027-01-20T10:00:00Z'), 'visitor'))).toEqual(['refused: The hosts are not published yet: the visitor call opens after the host selection.']);
    const plan = planOpen(facts('2027-01-20T10:00:00Z', {}, hostsOut), 'visitor');
    expect(words(plan)).toContain('The host selection step ends on 2027-01-20.');
    expect(step(plan, 'host_selection')).toEqual({ kind: 'host_selection', startsOn: '2027-01-01', endsOn: '2027-01-20' });
    expect(step(plan, 'visitor_call')?.startsOn).toBe('2027-01-20');
  });

  it('takes another deadline, never before now, and moves the steps it runs into', () => {
    expect(words(planOpen(facts('2026-11-20T10:00:00Z'), 'host', new Date('2026-11-20T09:00:00Z')))).toEqual([
      'refused: Choose a moment after now (2026-11-20 at 11:00, Europe/Brussels time).',
    ]);
    const plan = planOpen(facts('2026-11-20T10:00:00Z'), 'host', new Date('2027-01-15T16:00:00Z'));
    expect(step(plan, 'host_selection')).toEqual({ kind: 'host_selection', startsOn: '2027-01-15', endsOn: '2027-02-14' });
    expect(words(plan)).toContain('The host selection step moves to 2027-01-15 – 2027-02-14.');
  });
});

describe('closing a call now', () => {
  it('records the instant before now as the last one accepted, and starts the selection today', () => {
    const plan = planClose(facts('2026-12-10T13:00:00Z', {}, { host: call('host_call', { drafts: 2, submitted: 5 }) }), 'host');
    expect(plan.ok && plan.windows.host?.closesAt.toISOString()).toBe('2026-12-10T12:59:59.999Z');
    expect(step(plan, 'host_call')?.endsOn).toBe('2026-12-10');
    expect(step(plan, 'host_selection')?.startsOn).toBe('2026-12-10');
    expect(words(plan)).toEqual([
      'The host call closes now (2026-12-10 at 14:00, Europe/Brussels time): no city can start, change or submit an application after that.',
      'Applications still in draft: 2. They will not be considered.',
      'The host selection starts: evaluators can score the 5 submitted applications.',
    ]);
  });

  it('refuses a call that has not opened or has closed', () => {
    expect(words(planClose(facts('2026-11-20T10:00:00Z'), 'host'))).toEqual(['refused: The host call has not opened yet: open it now, or change its dates in the settings.']);
    expect(words(planClose(facts('2027-01-02T10:00:00Z'), 'host'))[0]).toMatch(/^refused: The host call has closed/);
  });
});

describe('extending a deadline', () => {
  const open = facts('2026-12-20T10:00:00Z', {}, { host: call('host_call', { lastSubmittedAt: new Date('2026-12-18T10:00:00Z') }) });

  it('moves the deadline later and says so in the programme’s time zone', () => {
    const plan = planExtend(open, 'host', new Date('2026-12-31T22:59:59Z'));
    expect(words(plan)).toEqual(['refused: The new deadline must be after the current one (2026-12-31 at 23:59, Europe/Brussels time); to end the call sooner, close it now.']);
    const later = planExtend(open, 'host', new Date('2027-01-10T16:00:00Z'));
    expect(words(later)[0]).toBe('The new deadline of the host call is 2027-01-10 at 17:00 (Europe/Brussels time).');
    // The host selection started on the day the call closed; it moves after the new deadline, keeping its length.
    expect(step(later, 'host_selection')).toEqual({ kind: 'host_selection', startsOn: '2027-01-10', endsOn: '2027-02-09' });
    // …and so does the visitor call (its window with it), which must start after the selection.
    expect(step(later, 'visitor_call')).toEqual({ kind: 'visitor_call', startsOn: '2027-02-10', endsOn: '2027-03-09' });
    expect(later.ok && later.windows.visitor?.closesAt.toISOString()).toBe('2027-03-09T22:59:59.000Z');
    expect(words(later)).toContain('The visitor selection step moves to 2027-03-09 – 2027-04-08.');
  });

  it('reopens a closed call for everyone until the new deadline', () => {
    const plan = planExtend(facts('2027-01-03T10:00:00Z'), 'host', new Date('2027-01-08T16:00:00Z'));
    expect(words(plan).slice(0, 2)).toEqual(['The new deadline of the host call is 2027-01-08 at 17:00 (Europe/Brussels time).', 'The host call opens again until then, for every eligible city.']);
  });

  it('never moves it before now or a submitted application, and not after the decisions', () => {
    expect(words(planExtend(open, 'host', new Date('2026-12-19T10:00:00Z')))).toEqual(['refused: Choose a moment after now (2026-12-20 at 11:00, Europe/Brussels time).']);
    const lateSubmission = facts('2027-01-03T10:00:00Z', {}, { host: call('host_call', { lastSubmittedAt: new Date('2027-01-04T10:00:00Z') }) });
    expect(words(planExtend(lateSubmission, 'host', new Date('2027-01-04T09:00:00Z')))[0]).toMatch(/^refused: The deadline cannot be earlier than the last submitted application \(2027-01-04 at 11:00/);
    const decided = facts('2027-01-20T10:00:00Z', {}, { host: call('host_call', { decisionsPublished: true }) });
    expect(words(planExtend(decided, 'host', new Date('2027-02-01T10:00:00Z')))).toEqual(['refused: The decisions of the host call are published: its window can no longer change.']);
  });

  it('refuses to move a step that has started', () => {
    // Hosts published, the visitor call open since 1 February: the host call cannot run into it.
    const during = facts('2027-02-05T10:00:00Z', {}, { host: call('host_call', { decisionsPublished: false }) });
    expect(words(planExtend(during, 'host', new Date('2027-02-20T10:00:00Z')))).toEqual(['refused: The visitor call step started on 2027-02-01 and cannot move: choose an earlier deadline.']);
  });
});

describe('reopening a closed call for one late city', () => {
  it('lets only that city apply until a moment before its selection ends', () => {
    const closed = facts('2027-01-03T10:00:00Z');
    expect(words(planReopen(closed, 'host', 'Lahti', new Date('2027-01-06T16:00:00Z')))).toEqual([
      'Only Lahti may start, change and submit its application, until 2027-01-06 at 17:00 (Europe/Brussels time).',
    ]);
    expect(words(planReopen(closed, 'host', 'Lahti', new Date('2027-02-06T16:00:00Z')))).toEqual(['refused: A late application must come in before the host selection ends (2027-01-31).']);
    expect(words(planReopen(facts('2026-12-10T10:00:00Z'), 'host', 'Lahti', new Date('2027-01-06T16:00:00Z')))).toEqual([
      'refused: The host call is still open: every eligible city can apply until the deadline.',
    ]);
  });
});

describe('publishing a draft', () => {
  it('says when each call opens, or that it opens at once', () => {
    expect(words(planPublish(facts('2026-11-20T10:00:00Z', { published: false }), null))).toEqual([
      'The programme becomes public: everyone can read its page and its calls.',
      'The host call opens on 2026-12-01 at 00:00 (Europe/Brussels time).',
      'The visitor call opens on 2027-02-01 at 00:00 (Europe/Brussels time).',
    ]);
    expect(words(planPublish(facts('2026-12-10T10:00:00Z', { published: false }), null)).slice(1, 3)).toEqual([
      'The host call opens at once: its dates have begun.',
      'Cities can apply to the host call until 2026-12-31 at 23:59 (Europe/Brussels time).',
    ]);
  });

  it('refuses a published programme, and a call without a form', () => {
    expect(words(planPublish(facts('2026-11-20T10:00:00Z'), new Date('2026-06-01T10:00:00Z')))).toEqual(['refused: The programme was published on 2026-06-01.']);
    expect(words(planPublish(facts('2026-11-20T10:00:00Z', { published: false }, { visitor: call('visitor_call', { questions: 0 }) }), null))).toEqual([
      'refused: The visitor call has no questions: add them before it opens.',
    ]);
  });
});

describe('moving to the next step', () => {
  it('opens the host call when the discussion groups are the current step', () => {
    expect(words(planAdvance(facts('2026-11-20T10:00:00Z')))[0]).toBe('The host call opens now: eligible cities can start their applications.');
  });

  it('asks to close an open call first', () => {
    expect(words(planAdvance(facts('2026-12-10T10:00:00Z')))).toEqual(['refused: The host call is still open: close it first.']);
  });

  it('starts the visits today once the visitors are published, ending the visitor selection', () => {
    const published = facts('2027-03-20T10:00:00Z', {}, { host: call('host_call', { decisionsPublished: true }), visitor: call('visitor_call', { decisionsPublished: true }) });
    const plan = planAdvance(published);
    expect(words(plan)).toEqual(['The study visits step starts today (2027-03-20).', 'The visitor selection step ends on 2027-03-20.']);
    expect(step(plan, 'visits')).toEqual({ kind: 'visits', startsOn: '2027-03-20', endsOn: '2027-06-30' });
    const notYet = facts('2027-03-20T10:00:00Z', {}, { host: call('host_call', { decisionsPublished: true }) });
    expect(words(planAdvance(notYet))).toEqual(['refused: The visitors are not published yet: the visits start after the visitor selection.']);
  });

  it('refuses a draft', () => {
    expect(words(planAdvance(facts('2026-11-20T10:00:00Z', { published: false })))).toEqual(['refused: The programme is a draft: publish it first.']);
  });
});
