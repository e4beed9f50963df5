import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { proposeMembers } from './propose-members.ts';

const city = (cityId: string, name: string, prioritySectors: string[]) => ({ cityId, name, prioritySectors });

describe('proposeMembers', () => {
  const group = { sectors: ['energy', 'buildings'] };
  const candidates = [
    city('c1', 'Kraków', ['energy']),
    city('c2', 'Lahti', ['mobility', 'energy', 'buildings']),
    city('c3', 'Graz', ['mobility']),
    city('c4', 'Brno', ['buildings']),
    city('c5', 'Ghent', ['energy', 'buildings']),
  ];

  it('proposes the cities whose priority sectors are among the group’s, most shared first, then by name, with a reason naming the survey', () => {
    const proposed = proposeMembers(group, candidates, new Set());
    expect(proposed.map((p) => [p.name, p.sharedSectors])).toEqual([
      ['Ghent', ['energy', 'buildings']],
      ['Lahti', ['energy', 'buildings']],
      ['Brno', ['buildings']],
      ['Kraków', ['energy']],
    ]);
    expect(englishText(proposed[1]!.reason)).toBe('Lahti’s priority sectors (support-needs survey) include this group’s: energy, buildings');
  });

  it('leaves out cities already in the group and cities sharing no sector', () => {
    expect(proposeMembers(group, candidates, new Set(['c2', 'c5'])).map((p) => p.name)).toEqual(['Brno', 'Kraków']);
    expect(proposeMembers({ sectors: ['industry'] }, candidates, new Set())).toEqual([]);
  });
});
