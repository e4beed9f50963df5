import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { defaultTimeline, timelineProblems, visitorCount, DEFAULT_SETTINGS } from './programme-template.ts';
import { programmeLocks } from './change-rules.ts';
import { programmeStage } from './programme-stage.ts';

const TZ = 'Europe/Brussels';
const none = { hostsPublished: false, visitorsPublished: false };

describe('programme template', () => {
  it('lays the 2027 edition out from December 2026 to the visits in May–June 2027', () => {
    const t = defaultTimeline(2027);
    expect(t.find((m) => m.kind === 'host_call')).toEqual({ kind: 'host_call', startsOn: '2026-12-01', endsOn: '2026-12-31' });
    expect(t.find((m) => m.kind === 'visitor_call')?.endsOn).toBe('2027-02-28');
    expect(t.find((m) => m.kind === 'visits')).toEqual({ kind: 'visits', startsOn: '2027-05-01', endsOn: '2027-06-30' });
    expect(defaultTimeline(2028).find((m) => m.kind === 'visitor_call')?.endsOn).toBe('2028-02-29');
    expect(timelineProblems(t)).toEqual([]);
  });

  it('selects nine visitors by default: three hosts with three each', () => {
    expect(visitorCount(DEFAULT_SETTINGS.group_study_visits)).toBe(9);
  });

  it('explains a broken timeline', () => {
    const t = defaultTimeline(2027).map((m) => (m.kind === 'visitor_call' ? { ...m, startsOn: '2027-01-15', endsOn: '2027-01-10' } : m));
    expect(timelineProblems(t).map(englishText)).toEqual([
      'The visitor call ends (2027-01-10) before it starts (2027-01-15).',
      'The visitor call starts (2027-01-15) before the host selection ends (2027-01-31).',
    ]);
    expect(timelineProblems(t.filter((m) => m.kind !== 'visits')).map(englishText)).toContain('The timeline has no study visits.');
  });

  it('refuses a host call that runs past its own selection, and a follow-up before the visits', () => {
    const late = defaultTimeline(2027).map((m) => (m.kind === 'host_call' ? { ...m, endsOn: '2027-01-15' } : m));
    expect(timelineProblems(late).map(englishText)).toEqual(['The host selection starts (2027-01-01) before the host call ends (2027-01-15).']);
    const early = defaultTimeline(2027).map((m) => (m.kind === 'follow_up' ? { ...m, startsOn: '2027-04-01' } : m));
    expect(timelineProblems(early).map(englishText)).toEqual(['The follow-up starts (2027-04-01) before the study visits start (2027-05-01).']);
    // Overlapping the last visits is fine.
    expect(timelineProblems(defaultTimeline(2027).map((m) => (m.kind === 'follow_up' ? { ...m, startsOn: '2027-06-15' } : m)))).toEqual([]);
  });
});

describe('programme stage', () => {
  const t = defaultTimeline(2027);

  it('is in the discussion groups on 28 November 2026, with the host call next', () => {
    const s = programmeStage(t, none, TZ, new Date('2026-11-28T12:00:00Z'));
    expect(s).toMatchObject({ current: 'discussion_groups', next: 'host_call', phase: 'running' });
  });

  it('opens the host call at midnight Brussels time on 1 December', () => {
    expect(programmeStage(t, none, TZ, new Date('2026-11-30T22:59:59Z')).current).toBe('discussion_groups');
    expect(programmeStage(t, none, TZ, new Date('2026-11-30T23:00:00Z')).current).toBe('host_call');
  });

  it('ends host selection as soon as the hosts are published', () => {
    const during = new Date('2027-01-10T10:00:00Z');
    expect(programmeStage(t, none, TZ, during).current).toBe('host_selection');
    const s = programmeStage(t, { hostsPublished: true, visitorsPublished: false }, TZ, during);
    expect(s.current).toBeNull();
    expect(s.next).toBe('visitor_call');
  });

  it('marks an unpublished selection overdue after its last day', () => {
    const s = programmeStage(t, none, TZ, new Date('2027-02-10T10:00:00Z'));
    expect(s.steps.find((x) => x.kind === 'host_selection')?.status).toBe('overdue');
    expect(s.current).toBe('visitor_call');
  });

  it('is finished after the follow-up year', () => {
    const s = programmeStage(t, { hostsPublished: true, visitorsPublished: true }, TZ, new Date('2028-07-01T10:00:00Z'));
    expect(s).toMatchObject({ phase: 'finished', current: null, next: null });
  });

  it('lets dates change only before the step starts', () => {
    const locksAt = (now: string) => {
      const stage = programmeStage(t, none, TZ, new Date(now));
      const state = stage.steps.find((s) => s.kind === 'host_call')?.status === 'upcoming' ? 'upcoming' : 'open';
      return programmeLocks({ published: true, milestones: t, stage, callStates: { host: state, visitor: 'upcoming' } }).map((l) => l.field);
    };
    expect(locksAt('2026-11-28T12:00:00Z')).not.toContain('milestones.host_call.startsOn');
    expect(locksAt('2026-12-01T12:00:00Z')).toContain('milestones.host_call.startsOn');
  });
});
