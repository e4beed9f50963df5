import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { seededRandom } from '../matching/seeded-random.ts';
import { suggestPeerCities, type MissionCityProfile, type PeerChallenge } from './suggest-peer-cities.ts';

const krakowHeating: PeerChallenge = { cityId: 'krakow', sectors: ['energy'], levers: ['finance-funding'], languages: ['pl', 'en'] };

const CITIES: MissionCityProfile[] = [
  {
    id: 'valencia',
    languages: ['es', 'en'],
    plannedSolutions: [
      { sectors: ['energy'], lever: 'finance-funding' },
      { sectors: ['energy', 'buildings'], lever: 'finance-funding' },
      { sectors: ['buildings'], lever: 'governance-policy' },
    ],
    peerSessionsHosted: 2,
  },
  { id: 'lahti', languages: ['fi', 'en'], plannedSolutions: [{ sectors: ['energy'], lever: 'technology-infrastructure' }], peerSessionsHosted: 0 },
  { id: 'warsaw', languages: ['pl'], plannedSolutions: [{ sectors: ['energy'], lever: 'finance-funding' }], peerSessionsHosted: 0 },
  { id: 'krakow', languages: ['pl', 'en'], plannedSolutions: [{ sectors: ['energy'], lever: 'finance-funding' }], peerSessionsHosted: 5 },
  { id: 'lyon', languages: ['fr', 'en'], plannedSolutions: [{ sectors: ['mobility'], lever: 'social-innovation' }], peerSessionsHosted: 3 },
  { id: 'aarhus', languages: ['da', 'en'], plannedSolutions: [{ sectors: ['energy'], lever: 'finance-funding' }], peerSessionsHosted: 0 },
];

describe('suggesting Mission Cities for a peer session', () => {
  it('proposes the three that best fit the challenge, with reasons, never the requesting city', () => {
    const suggestions = suggestPeerCities(krakowHeating, CITIES);
    // valencia 3 + 2 + 2 solutions + 2 language + 1 hosted = 10; aarhus and warsaw 3 + 2 + 1 + 2 = 8 (tie: by id).
    expect(suggestions.map((s) => [s.cityId, s.score])).toEqual([
      ['valencia', 10],
      ['aarhus', 8],
      ['warsaw', 8],
    ]);
    expect(suggestions[0]).toMatchObject({ sharedSectors: ['energy'], sharedLevers: ['finance-funding'], matchingSolutions: 2, sharedLanguages: ['en'], peerSessionsHosted: 2 });
    expect(suggestions[0]!.reasons.map(englishText)).toEqual([
      'planned solutions in energy',
      'planned solutions pulling finance & funding',
      'planned solutions matching the challenge: 2',
      'works in en',
      'has hosted peer sessions before (2)',
    ]);
  });

  it('leaves out cities sharing no sector or lever, and gives fewer when fewer fit', () => {
    const all = suggestPeerCities(krakowHeating, CITIES, 10).map((s) => s.cityId);
    expect(all).toEqual(['valencia', 'aarhus', 'warsaw', 'lahti']);
    expect(suggestPeerCities(krakowHeating, CITIES, 0)).toEqual([]);
  });

  it('ranks every other city for a challenge naming no sector or lever, by language and hosting', () => {
    const open = suggestPeerCities({ cityId: 'krakow', sectors: [], levers: [], languages: ['fr'] }, CITIES, 2);
    expect(open.map((s) => [s.cityId, s.score])).toEqual([
      ['lyon', 3],
      ['valencia', 1],
    ]);
  });

  it('is deterministic whatever the order of the cities', () => {
    const random = seededRandom(7);
    const expected = suggestPeerCities(krakowHeating, CITIES, 10);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...CITIES].sort(() => random() - 0.5);
      expect(suggestPeerCities(krakowHeating, shuffled, 10)).toEqual(expected);
    }
  });
});
