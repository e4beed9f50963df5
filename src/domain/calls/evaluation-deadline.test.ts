import { describe, expect, it } from 'vitest';
import { evaluationsDueAt } from './evaluation-deadline.ts';
import { zonedToUtc } from '../time/zoned-time.ts';

describe('evaluationsDueAt', () => {
  it('is the end of the day evaluationDays after the call closed, in the programme’s time zone', () => {
    const closes = zonedToUtc('2026-12-31', '23:59:59', 'Europe/Brussels');
    expect(evaluationsDueAt(closes, { timeZone: 'Europe/Brussels', evaluationDays: 14 }).toISOString()).toBe('2027-01-14T22:59:59.000Z');
  });

  it('counts from the local day, not the UTC one', () => {
    // 00:30 on 1 March in Brussels is still 28 February in UTC.
    const closes = new Date('2027-02-28T23:30:00Z');
    expect(evaluationsDueAt(closes, { timeZone: 'Europe/Brussels', evaluationDays: 1 }).toISOString()).toBe('2027-03-02T22:59:59.000Z');
    expect(evaluationsDueAt(closes, { timeZone: 'UTC', evaluationDays: 1 }).toISOString()).toBe('2027-03-01T23:59:59.000Z');
  });

  it('keeps the end of the local day across a change to summer time', () => {
    const closes = zonedToUtc('2027-03-20', '23:59:59', 'Europe/Brussels');
    expect(evaluationsDueAt(closes, { timeZone: 'Europe/Brussels', evaluationDays: 14 }).toISOString()).toBe('2027-04-03T21:59:59.000Z');
  });
});
