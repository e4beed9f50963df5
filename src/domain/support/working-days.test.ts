import { describe, expect, it } from 'vitest';
import { publicHolidayDates } from './country-holidays.ts';
import {
  addWorkingDays,
  addWorkingDaysToDate,
  firstAnswerDueAt,
  isWorkingDay,
  workingDaysBetween,
  workingDaysOverdue,
} from './working-days.ts';

const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it('skips the weekend: a request on Wednesday is due at the end of the next Wednesday, Brussels time', () => {
    // Wednesday 4 November 2026, 10:00 in Brussels (CET, UTC+1).
    const due = firstAnswerDueAt(at('2026-11-04T09:00:00Z'));
    expect(due.toISOString()).toBe('2026-11-11T22:59:59.000Z');
    expect(addWorkingDays(at('2026-11-06T09:00:00Z'), 1).toISOString()).toBe('2026-11-09T22:59:59.000Z');
  });

  it('counts a request sent on Saturday from Monday: due at the end of Friday', () => {
    const due = addWorkingDays(at('2026-11-07T15:00:00Z'), 5);
    expect(due.toISOString()).toBe('2026-11-13T22:59:59.000Z');
    // Friday 23:30 UTC is already Saturday in Brussels.
    expect(addWorkingDays(at('2026-11-06T23:30:00Z'), 5).toISOString()).toBe('2026-11-13T22:59:59.000Z');
    // In New York it is still Friday evening: Friday counts as the start day.
    expect(addWorkingDays(at('2026-11-06T23:30:00Z'), 5, { timeZone: 'America/New_York' }).toISOString()).toBe('2026-11-14T04:59:59.000Z');
  });

  it('skips Easter Monday in Belgium when the country is given, and not otherwise', () => {
    expect(publicHolidayDates('be', 2026)).toContain('2026-04-06');
    // Thursday 2 April 2026.
    const thursday = at('2026-04-02T08:00:00Z');
    expect(addWorkingDays(thursday, 2).toISOString()).toBe('2026-04-06T21:59:59.000Z');
    expect(addWorkingDays(thursday, 2, { country: 'BE' }).toISOString()).toBe('2026-04-07T21:59:59.000Z');
    expect(isWorkingDay('2026-04-06', { country: 'BE' })).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(true);
  });

  it('skips the programme’s own days off', () => {
    expect(addWorkingDaysToDate('2026-12-23', 3, { holidays: ['2026-12-24', '2026-12-25'] })).toBe('2026-12-30');
    expect(addWorkingDaysToDate('2026-12-26', 0)).toBe('2026-12-28');
    expect(addWorkingDaysToDate('2026-12-28', 0)).toBe('2026-12-28');
  });

  it('ends the day at local midnight across a daylight-saving change', () => {
    // Friday 27 March 2026 (CET); clocks go forward on Sunday 29 March: due Monday at 23:59:59 CEST.
    expect(addWorkingDays(at('2026-03-27T10:00:00Z'), 1).toISOString()).toBe('2026-03-30T21:59:59.000Z');
    // And back on Sunday 25 October 2026: Friday 23 October (CEST) + 1 is Monday 26 October, CET.
    expect(addWorkingDays(at('2026-10-23T10:00:00Z'), 1).toISOString()).toBe('2026-10-26T22:59:59.000Z');
  });

  it('counts working days between two instants, and how late an answer is', () => {
    const start = at('2026-11-04T09:00:00Z');
    const due = firstAnswerDueAt(start, { country: 'BE' });
    // 11 November is Armistice Day in Belgium: Wednesday + 5 working days is Thursday 12 November.
    expect(due.toISOString()).toBe('2026-11-12T22:59:59.000Z');
    expect(workingDaysBetween(start, due, { country: 'BE' })).toBe(5);
    expect(workingDaysBetween(due, start, { country: 'BE' })).toBe(-5);
    expect(workingDaysOverdue(due, at('2026-11-12T20:00:00Z'), { country: 'BE' })).toBe(0);
    // Friday 13 November: one working day late; the weekend adds none; Monday 16 makes two.
    expect(workingDaysOverdue(due, at('2026-11-13T09:00:00Z'), { country: 'BE' })).toBe(1);
    expect(workingDaysOverdue(due, at('2026-11-15T09:00:00Z'), { country: 'BE' })).toBe(1);
    expect(workingDaysOverdue(due, at('2026-11-16T09:00:00Z'), { country: 'BE' })).toBe(2);
  });

  it('knows no holidays for a country the package does not know, and refuses a nonsensical count', () => {
    expect(publicHolidayDates('XX', 2026)).toEqual([]);
    expect(() => addWorkingDays(at('2026-11-04T09:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-11-04T09:00:00Z'), 1.5)).toThrow(RangeError);
  });
});
