import { describe, expect, it } from 'vitest';
import { byUrgency, feedbackWindow, followUpHorizon, isListed, orderByUrgency, replicationUpdateWindow, urgencyOf, waitingUrgency } from './work-queue.ts';

const at = (iso: string) => new Date(iso);

describe('urgency', () => {
  it('is overdue once the date has passed, soon within seven days, later after that', () => {
    const due = at('2027-01-14T22:59:59Z');
    expect(urgencyOf(due, at('2027-01-15T00:00:00Z'))).toBe('overdue');
    expect(urgencyOf(due, at('2027-01-10T00:00:00Z'))).toBe('soon');
    expect(urgencyOf(due, at('2027-01-01T00:00:00Z'))).toBe('later');
    expect(urgencyOf(due, at('2026-12-20T00:00:00Z'), 30)).toBe('soon');
  });

  it('makes an unanswered post overdue after two days', () => {
    expect(waitingUrgency(at('2027-01-01T10:00:00Z'), at('2027-01-02T10:00:00Z'))).toBe('soon');
    expect(waitingUrgency(at('2027-01-01T10:00:00Z'), at('2027-01-03T10:00:01Z'))).toBe('overdue');
  });

  it('orders items overdue first, then by date, undated last', () => {
    const items = [
      { id: 'a', urgency: 'later' as const, date: '2027-01-01T00:00:00.000Z' },
      { id: 'b', urgency: 'soon' as const, date: null },
      { id: 'c', urgency: 'soon' as const, date: '2027-02-01T00:00:00.000Z' },
      { id: 'd', urgency: 'overdue' as const, date: '2027-03-01T00:00:00.000Z' },
      { id: 'e', urgency: 'soon' as const, date: '2027-01-15T00:00:00.000Z' },
    ];
    expect([...items].sort(byUrgency).map((i) => i.id)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });

  it('orders sections by their most urgent item and keeps empty ones last, in their order', () => {
    const sections = [
      { name: 'empty 1', items: [] },
      { name: 'later', items: [{ urgency: 'later' as const, date: null }] },
      { name: 'empty 2', items: [] },
      { name: 'overdue', items: [{ urgency: 'later' as const, date: null }, { urgency: 'overdue' as const, date: '2027-01-01T00:00:00.000Z' }] },
    ];
    const ordered = orderByUrgency(sections);
    expect(ordered.map((s) => s.name)).toEqual(['overdue', 'later', 'empty 1', 'empty 2']);
    expect(ordered[0]?.items.map((i) => i.urgency)).toEqual(['overdue', 'later']);
  });
});

describe('follow-up windows', () => {
  it('opens feedback the day after the visit in the programme’s time zone, due two weeks after its last day', () => {
    const w = feedbackWindow('2027-05-21', 'Europe/Brussels');
    expect(w.opensAt.toISOString()).toBe('2027-05-21T22:00:00.000Z');
    expect(w.dueAt.toISOString()).toBe('2027-06-04T21:59:59.000Z');
    expect(isListed(w, at('2027-05-21T21:59:59Z'))).toBe(false);
    expect(isListed(w, at('2027-05-21T22:30:00Z'))).toBe(true);
    expect(isListed(w, at('2027-09-02T21:00:00Z'))).toBe(true);
    expect(isListed(w, at('2027-09-02T22:00:00Z'))).toBe(false);
  });

  it('opens a replication update 3, 6 and 12 months after the visit, due 30 days later', () => {
    expect(replicationUpdateWindow('2027-06-18', 3, 'Europe/Brussels').opensAt.toISOString()).toBe('2027-09-17T22:00:00.000Z');
    const twelve = replicationUpdateWindow('2027-06-18', 12, 'Europe/Brussels');
    expect(twelve.opensAt.toISOString()).toBe('2028-06-17T22:00:00.000Z');
    expect(twelve.dueAt.toISOString()).toBe('2028-07-18T21:59:59.000Z');
  });

  it('bounds the visits a query must look at to those whose follow-up may still be listed', () => {
    const horizon = followUpHorizon('2028-10-01');
    const lastListed = replicationUpdateWindow('2027-06-18', 12, 'Europe/Brussels').listedUntil;
    expect(lastListed > at('2028-10-01T00:00:00Z')).toBe(true);
    expect(horizon <= '2027-06-18').toBe(true);
    expect(isListed(replicationUpdateWindow(horizon, 12, 'Pacific/Kiritimati'), at('2028-10-01T00:00:00Z'))).toBe(false);
  });
});
