import { describe, expect, it } from 'vitest';
import { publicHolidays } from './public-holidays.ts';

describe('public holidays', () => {
  it('gives a country’s public holidays in a window, by local date and English name', () => {
    expect(publicHolidays('PL', '2027-05-01', '2027-05-31')).toEqual([
      { date: '2027-05-01', name: 'Labour Day' },
      { date: '2027-05-03', name: 'Constitution Day' },
      { date: '2027-05-16', name: 'Pentecost' },
      { date: '2027-05-27', name: 'Corpus Christi' },
    ]);
    // A window across the new year reads both years.
    expect(publicHolidays('fr', '2027-12-20', '2028-01-05').map((h) => h.date)).toEqual(['2027-12-25', '2028-01-01']);
  });

  it('ignores regional and observance days, and countries it does not know', () => {
    // Germany: Corpus Christi (27 May 2027) is a holiday of some Länder only.
    expect(publicHolidays('DE', '2027-05-01', '2027-05-31').map((h) => h.date)).toEqual(['2027-05-01', '2027-05-06', '2027-05-17']);
    expect(publicHolidays('XX', '2027-01-01', '2027-12-31')).toEqual([]);
  });
});
