import { describe, expect, it } from 'vitest';
import { todayInProgramme } from './visit-format.ts';

describe('todayInProgramme', () => {
  it('counts today in the programme’s own time zone, not in Brussels or UTC', () => {
    const now = new Date('2027-05-03T22:30:00Z'); // 00:30 on 4 May in Brussels, 18:30 on 3 May in New York
    expect(todayInProgramme('Europe/Brussels', now)).toBe('2027-05-04');
    expect(todayInProgramme('America/New_York', now)).toBe('2027-05-03');
    expect(todayInProgramme('Europe/Lisbon', now)).toBe('2027-05-03');
  });
});
