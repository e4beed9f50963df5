import { describe, expect, it } from 'vitest';
import { assignFacilitators, type Facilitator, type HostVisit } from './facilitator-assignment.ts';
import { englishText, reason } from '../../shared/reason-texts.ts';

const visit = (id: string, languages: string[], start = '2027-03-01', end = '2027-03-03'): HostVisit => ({ id, host: id, languages, start, end });
const person = (id: string, languages: string[], maxVisits = 1, from = '2027-01-01', to = '2027-12-31'): Facilitator => ({
  id,
  languages,
  availability: [{ from, to }],
  maxVisits,
});

describe('assignFacilitators', () => {
  it('covers every visit with someone who speaks the host language and is available', () => {
    const result = assignFacilitators(
      [visit('valencia', ['es']), visit('lahti', ['fi'], '2027-05-01', '2027-05-02')],
      [person('ana', ['es']), person('mikko', ['fi'], 1, '2027-04-01', '2027-05-31')],
    );
    expect(result).toEqual({
      status: 'optimal',
      assignments: [
        { visit: 'valencia', facilitator: 'ana' },
        { visit: 'lahti', facilitator: 'mikko' },
      ],
      objective: 0,
      warnings: [],
    });
  });

  it('reroutes to cover everyone rather than giving a visit its favourite (maximum first, then preference)', () => {
    const result = assignFacilitators(
      [visit('v1', ['en']), visit('v2', ['fr'], '2027-06-01', '2027-06-02')],
      [person('bilingual', ['en', 'fr']), person('anglo', ['en'])],
      { preferences: [{ facilitator: 'bilingual', visit: 'v1', score: 5 }] },
    );
    expect(result).toMatchObject({
      status: 'optimal',
      assignments: [
        { visit: 'v1', facilitator: 'anglo' },
        { visit: 'v2', facilitator: 'bilingual' },
      ],
      objective: 0,
    });
  });

  it('uses preferences among equally complete assignments and respects maxVisits', () => {
    const result = assignFacilitators(
      [visit('v1', ['en']), visit('v2', ['en'], '2027-06-01', '2027-06-02')],
      [person('p', ['en'], 2), person('q', ['en'], 2)],
      { preferences: [{ facilitator: 'q', visit: 'v1', score: 2 }, { facilitator: 'p', visit: 'v2', score: 1 }] },
    );
    expect(result).toMatchObject({ objective: 3, assignments: [{ facilitator: 'q' }, { facilitator: 'p' }] });
  });

  it('accepts a programme-wide shared language', () => {
    const result = assignFacilitators([visit('v1', ['fi'])], [person('p', ['en'])], { sharedLanguages: ['en'] });
    expect(result.status).toBe('optimal');
  });

  it('names the visit nobody can take', () => {
    const result = assignFacilitators([visit('lahti', ['fi'])], [person('ana', ['es']), person('late', ['fi'], 1, '2027-04-01')]);
    expect(result).toEqual({ status: 'infeasible', reason: reason('FACILITATOR_NONE_FOR_VISIT', { visit: 'lahti', start: '2027-03-01', end: '2027-03-03', languages: 'fi' }) });
    expect(result.status === 'infeasible' && englishText(result.reason)).toBe('The visit to lahti (2027-03-01 to 2027-03-03) has no facilitator who speaks fi and is available on those dates.');
  });

  it('names a group of visits that share too few facilitators (Hall’s condition)', () => {
    const result = assignFacilitators(
      [visit('v1', ['en']), visit('v2', ['en'], '2027-04-01', '2027-04-02'), visit('v3', ['de'])],
      [person('p', ['en']), person('q', ['de'])],
    );
    expect(result).toEqual({ status: 'infeasible', reason: reason('FACILITATORS_TOO_FEW', { visits: 'v1, v2', facilitators: 'p', capacity: 1 }) });
  });

  it('warns when one facilitator gets two overlapping visits', () => {
    const result = assignFacilitators([visit('v1', ['en']), visit('v2', ['en'], '2027-03-02', '2027-03-04')], [person('p', ['en'], 2)]);
    expect(result).toMatchObject({ status: 'optimal', warnings: [reason('FACILITATOR_OVERLAP', { facilitator: 'p', first: 'v1', second: 'v2' })] });
  });
});
