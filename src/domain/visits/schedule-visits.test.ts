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
    expect(result).toEqual({ status: 'scheduled', visits: [{ id: 'v1', start: '2027-05-06', end: '2027-05-07' }, { id: 'v2', start: '2027-05-03', end: '2027-05-04' }], avoided: [] });
  });

  it('avoids the host country’s public holidays and the programme’s days without visits, and says so', () => {
    // 3 May is a public holiday in Poland (Constitution Day); the programme holds no visits on the 6th.
    const krakow = visit('v1', 'Kraków', null, { hostHolidays: [{ date: '2027-05-03', name: 'Constitution Day' }] });
    const o = { ...window, daysWithoutVisits: ['2027-05-06'] };
    expect(candidateStarts(krakow, new Map(), o).slice(0, 3)).toEqual(['2027-05-04', '2027-05-10', '2027-05-11']);
    const result = scheduleVisits([krakow, visit('v2', 'Valencia', null)], [], o);
    expect(result).toEqual({
      status: 'scheduled',
      visits: [
        { id: 'v1', start: '2027-05-04', end: '2027-05-05' },
        { id: 'v2', start: '2027-05-03', end: '2027-05-04' },
      ],
      avoided: [reason('SCHEDULE_AVOIDED_NO_VISITS_DAYS', { days: '2027-05-06' }), reason('SCHEDULE_AVOIDED_HOLIDAY', { host: 'Kraków', date: '2027-05-03', name: 'Constitution Day' })],
    });
    if (result.status === 'scheduled') expect(result.avoided.map(englishText)).toEqual(['No visits on 2027-05-06: days without visits of the programme.', 'No visit to Kraków on 2027-05-03: a public holiday there (Constitution Day).']);
  });

  it('says why a fixed date on a holiday or a day without visits does not work', () => {
    const said = (result: ScheduleResult) => (result.status === 'conflict' ? englishText(result.reason) : result.status);
    const krakow = visit('v1', 'Kraków', null, { fixedStart: '2027-05-03', hostHolidays: [{ date: '2027-05-03', name: 'Constitution Day' }] });
    expect(said(scheduleVisits([krakow], [], window))).toBe('The visit to Kraków cannot start on 2027-05-03: it includes a public holiday there, 2027-05-03 (Constitution Day).');
    expect(said(scheduleVisits([{ ...krakow, fixedStart: '2027-05-05' }], [], { ...window, daysWithoutVisits: ['2027-05-06'] }))).toBe(
      'The visit to Kraków cannot start on 2027-05-05: the programme holds no visits on 2027-05-06.',
    );
  });
});
