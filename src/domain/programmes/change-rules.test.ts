import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { changeProblems, programmeLocks, type ChangeFacts } from './change-rules.ts';
import { windowOfDates } from './call-window.ts';
import { programmeStage } from './programme-stage.ts';
import { DEFAULT_SETTINGS, defaultTimeline } from './programme-template.ts';

const TZ = 'Europe/Brussels';
const timeline = defaultTimeline(2027);
const settings = DEFAULT_SETTINGS.group_study_visits;
const windowOf = (kind: string) => {
  const m = timeline.find((x) => x.kind === kind);
  if (!m) throw new Error(kind);
  return windowOfDates(m.startsOn, m.endsOn, TZ);
};

function facts(now: string, published = true, decisions = { hostsPublished: false, visitorsPublished: false }): ChangeFacts {
  const calls = { host: windowOf('host_call'), visitor: windowOf('visitor_call') };
  const stage = programmeStage(timeline, decisions, TZ, new Date(now), { published, calls });
  const stateOf = (kind: 'host_call' | 'visitor_call') => (stage.steps.find((s) => s.kind === kind)?.status === 'upcoming' ? 'upcoming' : stage.steps.find((s) => s.kind === kind)?.status === 'current' ? 'open' : 'closed');
  return { published, milestones: timeline, stage, callStates: { host: stateOf('host_call'), visitor: stateOf('visitor_call') } };
}

const moved = (kind: string, startsOn: string, endsOn: string) => timeline.map((m) => (m.kind === kind ? { ...m, startsOn, endsOn } : m));
const inWords = (problems: ReturnType<typeof changeProblems>) => problems.map((p) => `${p.field}: ${englishText(p.reason)}`);

describe('what may change after a step started', () => {
  it('locks nothing of a draft', () => {
    expect(programmeLocks(facts('2027-01-10T10:00:00Z', false))).toEqual([]);
  });

  it('keeps a started step’s first day, lets its last day move (not before today), and fixes its numbers', () => {
    const during = facts('2027-01-10T10:00:00Z');
    expect(inWords(changeProblems(during, { settings }, { milestones: moved('host_selection', '2027-01-01', '2027-01-20'), settings }, '2027-01-10'))).toEqual([]);
    expect(inWords(changeProblems(during, { settings }, { milestones: moved('host_selection', '2027-01-02', '2027-01-31'), settings }, '2027-01-10'))).toEqual([
      'body.milestones.host_selection: The host selection step started on 2027-01-01: its first day can no longer change.',
    ]);
    expect(inWords(changeProblems(during, { settings }, { milestones: moved('host_selection', '2027-01-01', '2027-01-05'), settings }, '2027-01-10'))).toEqual([
      'body.milestones.host_selection: The host selection step has started: its last day can move, but not before today (2027-01-10).',
    ]);
    expect(inWords(changeProblems(during, { settings }, { milestones: timeline, settings: { ...settings, hostCount: 4 } }, '2027-01-10'))).toEqual([
      'body.settings.hostCount: Can no longer change: the host selection started on 2027-01-01.',
    ]);
  });

  it('moves an opened call only through its actions, and later steps freely', () => {
    const open = facts('2026-12-10T10:00:00Z');
    expect(inWords(changeProblems(open, { settings }, { milestones: moved('host_call', '2026-12-01', '2027-01-05'), settings }, '2026-12-10'))[0]).toBe(
      'body.milestones.host_call: The host call has opened: change its deadline with “Extend the deadline” or “Close now” on the call, which tell the applicants.',
    );
    expect(inWords(changeProblems(open, { settings }, { milestones: moved('visits', '2027-05-10', '2027-06-30'), settings }, '2026-12-10'))).toEqual([]);
  });

  it('fixes the discussion groups once their learning runs, and a decided selection', () => {
    const decided = facts('2027-01-20T10:00:00Z', true, { hostsPublished: true, visitorsPublished: false });
    const fields = programmeLocks(decided).map((l) => `${l.field}: ${englishText(l.reason)}`);
    expect(fields).toContain('milestones.discussion_groups.endsOn: The discussion groups started on 2026-07-01: their dates and learning phases can no longer change.');
    expect(fields).toContain('milestones.host_selection.endsOn: The host selection step is done (its decisions are published): its dates can no longer change.');
  });

  it('refuses a host call after its own selection with the reason', () => {
    const before = facts('2026-06-01T10:00:00Z');
    expect(inWords(changeProblems(before, { settings }, { milestones: moved('host_call', '2026-12-01', '2027-01-10'), settings }, '2026-06-01'))).toEqual([
      'body.milestones: The host selection starts (2027-01-01) before the host call ends (2027-01-10).',
    ]);
  });
});
