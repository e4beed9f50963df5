import { describe, expect, it } from 'vitest';
import { agendaClosedReason, overlappingItem } from './agenda-rules.ts';

describe('agendaClosedReason', () => {
  const visit = { startsOn: '2027-05-12', endsOn: '2027-05-13' };
  it('keeps the agenda open until the visit’s last day is over', () => {
    expect(agendaClosedReason(visit, '2027-05-01')).toBeNull();
    expect(agendaClosedReason(visit, '2027-05-13')).toBeNull();
    expect(agendaClosedReason({ startsOn: null, endsOn: null }, '2030-01-01')).toBeNull();
  });
  it('closes it from the next day, saying when the visit ended', () => {
    expect(agendaClosedReason(visit, '2027-05-14')).toEqual({ code: 'VISIT_AGENDA_ENDED', params: { date: '2027-05-13' } });
    expect(agendaClosedReason({ startsOn: '2027-05-12', endsOn: null }, '2027-05-13')).toEqual({ code: 'VISIT_AGENDA_ENDED', params: { date: '2027-05-12' } });
  });
});

describe('overlappingItem', () => {
  const items = [
    { id: 'a', day: 1, startsAt: '09:00:00', endsAt: '10:30:00' },
    { id: 'b', day: 1, startsAt: '13:00', endsAt: '14:00' },
    { id: 'c', day: 2, startsAt: '09:00', endsAt: '12:00' },
  ];
  it('finds an item of the same day whose time overlaps', () => {
    expect(overlappingItem(items, { day: 1, startsAt: '10:00', endsAt: '11:00' })?.id).toBe('a');
    expect(overlappingItem(items, { day: 1, startsAt: '12:00', endsAt: '15:00' })?.id).toBe('b');
    expect(overlappingItem(items, { day: 1, startsAt: '08:00', endsAt: '18:00' })?.id).toBe('a');
  });
  it('lets items touch, and other days hold what they like', () => {
    expect(overlappingItem(items, { day: 1, startsAt: '10:30', endsAt: '13:00' })).toBeNull();
    expect(overlappingItem(items, { day: 3, startsAt: '09:00', endsAt: '12:00' })).toBeNull();
  });
});
