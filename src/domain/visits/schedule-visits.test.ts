import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { candidateStarts, scheduleVisits, type ScheduleResult, type VisitToSchedule } from './schedule-visits.ts';

const window = { windowStart: '2027-05-03', windowEnd: '2027-05-14', lengthDays: 2 };
const visit = (id: string, hostName: string, facilitatorId: string | null, extra: Partial<VisitToSchedule> = {}): VisitToSchedule => ({
  id,
  hostName,
  facilitatorId,
  facilitatorName: facilitatorId === 'pierre' ? 'Pierre Dubois' : facilitatorId,
  hostUnavailable: [],
  fixedStart: null,
  ...extra,
});

describe('scheduling study visits', () => {
  it('proposes two working days per visit, without a facilitator at two visits at once', () => {
    const result = scheduleVisits([visit('v1', 'Valencia', 'pierre'), visit('v2', 'Milan', 'pierre'), visit('v3', 'Espoo', 'katrin')], [], window);
    expect(result.status).toBe('scheduled');
    if (result.status !== 'scheduled') return;
    const [a, b] = result.visits;
    expect(a).toEqual({ id: 'v1', start: '2027-05-03', end: '2027-05-04' });
    // Pierre needs a travel day after Valencia: Milan starts on the 6th at the earliest.
    expect(b?.start).toBe('2027-05-06');
  });

  it('respects the host’s unavailable dates and weekends', () => {
    expect(candidateStarts(visit('v', 'Valencia', null, { hostUnavailable: ['2027-05-04', '2027-05-05'] }), new Map(), window)).toEqual([
      '2027-05-06',
      '2027-05-10',
      '2027-05-11',
      '2027-05-12',
      '2027-05-13',
    ]);
  });

  it('explains a facilitator clash between fixed dates', () => {
    const result = scheduleVisits(
      [visit('v1', 'Valencia', 'pierre', { fixedStart: '2027-05-05' }), visit('v2', 'Milan', 'pierre', { fixedStart: '2027-05-06' })],
      [],
      window,
    );
    expect(result).toEqual({ status: 'conflict', visitId: 'v2', reason: reason('SCHEDULE_FACILITATOR_CLASH_TWO', { facilitator: 'Pierre Dubois', first: 'Valencia', second: 'Milan' }) });
    expect(result.status === 'conflict' && englishText(result.reason)).toBe(
      'Pierre Dubois accompanies the visits to Valencia and Milan, and they cannot all fit in the window without overlapping (with a day to travel between them). Give one of these visits another facilitator or move its dates.',
    );
  });

  it('says why a fixed date does not work', () => {
    const said = (result: ScheduleResult) => (result.status === 'conflict' ? englishText(result.reason) : result.status);
    const result = scheduleVisits([visit('v1', 'Valencia', null, { fixedStart: '2027-05-08' })], [], window);
    expect(result).toMatchObject({ status: 'conflict', reason: reason('SCHEDULE_START_WEEKEND', { host: 'Valencia', start: '2027-05-08' }) });
    expect(said(result)).toBe('The visit to Valencia cannot start on 2027-05-08: it includes a weekend day.');
    expect(said(scheduleVisits([visit('v1', 'Valencia', null, { fixedStart: '2027-04-29' })], [], window))).toBe(
      'The visit to Valencia cannot start on 2027-04-29: it falls outside the visits window (2027-05-03 to 2027-05-14).',
    );
    const facilitatorOff = scheduleVisits([visit('v1', 'Valencia', 'pierre', { fixedStart: '2027-05-03' })], [{ id: 'pierre', unavailable: ['2027-05-04'] }], window);
    expect(said(facilitatorOff)).toBe('The visit to Valencia cannot start on 2027-05-03: Pierre Dubois is not available on 2027-05-04.');
  });

  it('finds a schedule by backtracking when the first choice blocks a later visit', () => {
    // Milan can only be on the 3rd–4th; a greedy pass giving Valencia the 3rd first would fail.
    const result = scheduleVisits(
      [visit('v1', 'Valencia', 'pierre'), visit('v2', 'Milan', 'pierre', { hostUnavailable: ['2027-05-05', '2027-05-06', '2027-05-07', '2027-05-10', '2027-05-11', '2027-05-12', '2027-05-13', '2027-05-14'] })],
      [],
      window,
    );
    expect(result).toEqual({ status: 'scheduled', visits: [{ id: 'v1', start: '2027-05-06', end: '2027-05-07' }, { id: 'v2', start: '2027-05-03', end: '2027-05-04' }] });
  });
});
