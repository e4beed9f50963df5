import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { nextInLine, summariseSelection, type Decision } from './selection.ts';

const d = (applicationId: string, outcome: Decision['outcome'], waitlistPosition: number | null = null): Decision => ({ applicationId, outcome, waitlistPosition });

describe('selection', () => {
  it('shows the effect of decisions against the programme number', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const s = summariseSelection(ids, [d('a', 'selected'), d('b', 'selected'), d('c', 'selected'), d('d', 'selected'), d('e', 'waitlisted', 1)], 3, 'host');
    expect(s).toEqual({
      selected: 4,
      waitlisted: 1,
      rejected: 0,
      undecided: 0,
      limit: 3,
      problems: [reason('SELECTION_TOO_MANY_HOSTS', { selected: 4, limit: 3, excess: 1 })],
    });
    expect(s.problems.map(englishText)).toEqual(['4 hosts are selected but the programme takes 3. Move 1 to the waiting list or reject them.']);
  });

  it('needs a decision for every application and a place for every waitlisted one', () => {
    const s = summariseSelection(['a', 'b', 'c'], [d('a', 'selected'), d('b', 'waitlisted', null)], 3, 'visitor');
    expect(s.problems).toEqual([reason('SELECTION_UNDECIDED', { undecided: 1 }), reason('SELECTION_WAITLIST_PLACES')]);
    expect(s.problems.map(englishText)).toEqual(['1 application(s) have no decision yet.', 'Every waitlisted application needs its own place on the waiting list.']);
  });

  it('promotes the first in line', () => {
    expect(nextInLine([d('a', 'waitlisted', 2), d('b', 'waitlisted', 1), d('c', 'rejected')])?.applicationId).toBe('b');
    expect(nextInLine([d('c', 'rejected')])).toBeNull();
  });
});
