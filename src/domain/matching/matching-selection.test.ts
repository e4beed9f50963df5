import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { matchingSelection, sectorsIn, type MatchingCity, type SelectionFacts } from './matching-selection.ts';

const city = (id: string, name: string, extra: Partial<MatchingCity> = {}): MatchingCity => ({
  id, slug: id, name, country: 'ES', region: null, latitude: 40, longitude: 0, population: null, languages: ['es'], sectorsOfInterest: [], solutionSectors: [], ...extra,
});

const facts = (over: Partial<SelectionFacts> = {}): SelectionFacts => ({
  hostsPublished: true,
  visitorsPublished: true,
  selected: { hosts: new Set(['valencia']), visitors: new Set(['ghent', 'graz']) },
  cities: [city('ghent', 'Ghent', { sectorsOfInterest: ['mobility'] }), city('graz', 'Graz'), city('valencia', 'Valencia', { solutionSectors: ['energy', 'buildings'] })],
  applications: [
    { id: 'app-valencia', cityId: 'valencia', kind: 'host', answers: { themes: ['mobility', 'not-a-sector'], note: 'energy' } },
    { id: 'app-ghent', cityId: 'ghent', kind: 'visitor', answers: { q1: ['energy', 'mobility'] } },
    { id: 'app-graz', cityId: 'graz', kind: 'visitor', answers: {} },
  ],
  evaluationScores: new Map([['app-ghent', 72.5], ['app-graz', null]]),
  ...over,
});

describe('sectorsIn', () => {
  it('finds sector codes in any list answer, whatever the question id, and nothing else', () => {
    expect(sectorsIn({ a: ['energy', 'x'], b: 'mobility', c: [3, 'industry', 'energy'] }).sort()).toEqual(['energy', 'industry']);
    expect(sectorsIn({})).toEqual([]);
  });
});

describe('matchingSelection', () => {
  it('gives hosts the sectors of their solutions and host application, visitors those of their interest and application, with their evaluation score', () => {
    const s = matchingSelection(facts());
    expect(s.blocker).toBeNull();
    expect(s.hosts).toEqual([
      { id: 'valencia', slug: 'valencia', name: 'Valencia', country: 'ES', latitude: 40, longitude: 0, languages: ['es'], sectors: ['buildings', 'energy', 'mobility'], evaluationScore: null },
    ]);
    expect(s.visitors.map((v) => [v.name, v.sectors, v.evaluationScore])).toEqual([
      ['Ghent', ['energy', 'mobility'], 72.5],
      ['Graz', [], null],
    ]);
  });

  it('says why matching cannot run yet, first the host selection, then the visitors’, then empty selections', () => {
    const blocker = (f: Parameters<typeof facts>[0]) => {
      const why = matchingSelection(facts(f)).blocker;
      return why && englishText(why);
    };
    expect(matchingSelection(facts({ hostsPublished: false })).blocker).toEqual(reason('MATCHING_HOSTS_NOT_PUBLISHED'));
    expect(blocker({ hostsPublished: false })).toMatch(/host selection is not published/);
    expect(matchingSelection(facts({ hostsPublished: false })).hosts).toEqual([]);
    expect(blocker({ visitorsPublished: false })).toMatch(/visiting cities’ selection is not published/);
    expect(matchingSelection(facts({ visitorsPublished: false })).visitors).toEqual([]);
    expect(blocker({ selected: { hosts: new Set(), visitors: new Set(['graz']) } })).toBe('No host city is selected.');
    expect(blocker({ selected: { hosts: new Set(['valencia']), visitors: new Set() } })).toBe('No visiting city is selected.');
  });
});
