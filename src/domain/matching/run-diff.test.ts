import { describe, expect, it } from 'vitest';
import { diffRuns } from './run-diff.ts';

const names: Record<string, string> = { val: 'Valencia', mil: 'Milan', gh: 'Ghent', gr: 'Graz', br: 'Brno', os: 'Oslo' };
const name = (id: string) => names[id] ?? id;

describe('diffRuns', () => {
  it('lists by name every city whose host changed — moved, newly placed or left out — and the change of the total fit', () => {
    const previous = { id: 'run-1', number: 1, objective: 90.5, result: { assignments: [{ applicant: 'gh', host: 'val', score: 1 }, { applicant: 'gr', host: 'val', score: 1 }, { applicant: 'os', host: 'mil', score: 1 }] } };
    const current = { objective: 87.254, result: { assignments: [{ applicant: 'gh', host: 'val', score: 1 }, { applicant: 'gr', host: 'mil', score: 1 }, { applicant: 'br', host: 'val', score: 1 }] }, instance: { applicants: [{ id: 'gh' }, { id: 'gr' }, { id: 'br' }] } };
    expect(diffRuns(previous, current, name)).toEqual({
      previousRunId: 'run-1',
      previousNumber: 1,
      objectiveChange: -3.25,
      moved: [
        { cityId: 'br', name: 'Brno', from: null, to: 'Valencia' },
        { cityId: 'gr', name: 'Graz', from: 'Valencia', to: 'Milan' },
        { cityId: 'os', name: 'Oslo', from: 'Milan', to: null },
      ],
    });
  });

  it('has no change of the total fit when either run is infeasible', () => {
    const infeasible = { id: 'run-2', number: 2, objective: null, result: {} };
    expect(diffRuns(infeasible, { objective: 10, result: { assignments: [] }, instance: { applicants: [] } }, name)).toEqual({ previousRunId: 'run-2', previousNumber: 2, objectiveChange: null, moved: [] });
  });
});
