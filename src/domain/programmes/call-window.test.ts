import { describe, expect, it } from 'vitest';
import { callState, instantParams, openForCity, windowOfDates } from './call-window.ts';

const window = windowOfDates('2026-12-01', '2026-12-31', 'Europe/Brussels');

describe('a call’s window', () => {
  it('runs from 00:00 on its first day to 23:59:59 on its last, Brussels time, the last second included', () => {
    expect(window).toEqual({ opensAt: new Date('2026-11-30T23:00:00Z'), closesAt: new Date('2026-12-31T22:59:59Z') });
    expect(callState(window, true, new Date('2026-11-30T22:59:59Z'))).toBe('upcoming');
    expect(callState(window, true, new Date('2026-12-31T22:59:59Z'))).toBe('open');
    expect(callState(window, true, new Date('2026-12-31T23:00:00Z'))).toBe('closed');
  });

  it('never opens in a draft programme', () => {
    expect(callState(window, false, new Date('2026-12-10T10:00:00Z'))).toBe('upcoming');
  });

  it('stays open for a city it was reopened for, until its own deadline, and for no other', () => {
    const reopened = [{ cityId: 'lahti', until: new Date('2027-01-05T16:00:00Z') }];
    expect(openForCity('closed', reopened, 'lahti', new Date('2027-01-05T15:00:00Z'))).toBe(true);
    expect(openForCity('closed', reopened, 'lahti', new Date('2027-01-05T16:00:01Z'))).toBe(false);
    expect(openForCity('closed', reopened, 'valencia', new Date('2027-01-05T15:00:00Z'))).toBe(false);
  });

  it('gives dates to reasons as the local day and time', () => {
    expect(instantParams(new Date('2026-12-31T22:59:59Z'), 'Europe/Helsinki')).toEqual({ date: '2027-01-01', time: '00:59', timeZone: 'Europe/Helsinki' });
  });
});
