import { describe, expect, it } from 'vitest';
import { addDays, isValidTimeZone, lastDayOfMonth, localDateAt, zonedToUtc } from './zoned-time.ts';

describe('zoned time', () => {
  it('turns Brussels winter and summer wall-clock times into UTC', () => {
    expect(zonedToUtc('2027-02-28', '23:59:59', 'Europe/Brussels').toISOString()).toBe('2027-02-28T22:59:59.000Z');
    expect(zonedToUtc('2027-06-30', '23:59:59', 'Europe/Brussels').toISOString()).toBe('2027-06-30T21:59:59.000Z');
  });

  it('handles the spring-forward gap and the autumn overlap', () => {
    // 2027-03-28 02:30 does not exist in Brussels: the later valid instant is used.
    expect(zonedToUtc('2027-03-28', '02:30', 'Europe/Brussels').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 2027-10-31 02:30 happens twice: the first (summer time) is used.
    expect(zonedToUtc('2027-10-31', '02:30', 'Europe/Brussels').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('works in other zones', () => {
    expect(zonedToUtc('2027-01-15', '09:00', 'Europe/Helsinki').toISOString()).toBe('2027-01-15T07:00:00.000Z');
    expect(zonedToUtc('2027-01-15', '09:00', 'UTC').toISOString()).toBe('2027-01-15T09:00:00.000Z');
  });

  it('gives the local date of an instant', () => {
    expect(localDateAt(new Date('2027-02-28T23:30:00Z'), 'Europe/Brussels')).toBe('2027-03-01');
    expect(localDateAt(new Date('2027-02-28T22:30:00Z'), 'Europe/Brussels')).toBe('2027-02-28');
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(lastDayOfMonth(2028, 2)).toBe('2028-02-29');
    expect(lastDayOfMonth(2027, 12)).toBe('2027-12-31');
  });

  it('knows valid time zones', () => {
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('rejects malformed input', () => {
    expect(() => zonedToUtc('2027-2-1', '10:00', 'UTC')).toThrow(RangeError);
  });
});
