import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reason-texts.ts';
import { withdrawalCase } from './withdrawal.ts';

describe('withdrawalCase', () => {
  const base = { cityName: 'Graz', today: '2027-05-10' };
  it('promotes from the waiting list while the matching is not published', () => {
    expect(withdrawalCase({ ...base, matchingPublished: false, visit: null })).toEqual({ kind: 'promote' });
  });
  it('hands the withdrawal to the programme team once the visits exist, up to the visit’s last day', () => {
    expect(withdrawalCase({ ...base, matchingPublished: true, visit: { id: 'v1', endsOn: '2027-05-10' } })).toEqual({ kind: 'programme_team', visitId: 'v1' });
    expect(withdrawalCase({ ...base, matchingPublished: true, visit: { id: 'v1', endsOn: null } })).toEqual({ kind: 'programme_team', visitId: 'v1' });
    expect(withdrawalCase({ ...base, matchingPublished: true, visit: null })).toEqual({ kind: 'programme_team', visitId: null });
  });
  it('refuses after the visit ended, saying so', () => {
    expect(withdrawalCase({ ...base, matchingPublished: true, visit: { id: 'v1', endsOn: '2027-05-09' } })).toEqual({ kind: 'refused', reason: reason('WITHDRAWAL_VISIT_OVER', { city: 'Graz', date: '2027-05-09' }) });
  });
});
