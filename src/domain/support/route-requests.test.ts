import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import type { LeverCode } from '../../shared/solution.schemas.ts';
import { randomInt, seededRandom } from '../matching/seeded-random.ts';
import type { SectorCode } from '../reference/sectors.ts';
import { FIT_POINTS, freeSlots, pairFit, type SupportExpert, type SupportRequest } from './expert-fit.ts';
import { LOAD_COST_PER_REQUEST, routeRequests, type RoutingResult } from './route-requests.ts';

const request = (id: string, fields: Partial<SupportRequest> = {}): SupportRequest => ({
  id,
  cityId: `city-${id}`,
  country: 'PL',
  sectors: ['energy'],
  levers: [],
  languages: ['en'],
  kind: 'answer',
  ...fields,
});

const expert = (id: string, fields: Partial<SupportExpert> = {}): SupportExpert => ({
  id,
  sectors: ['energy'],
  levers: [],
  languages: ['en'],
  countries: [],
  weeklyCapacity: 3,
  openLoad: 0,
  cityIds: [],
  conflictCityIds: [],
  ...fields,
});

const pairsOf = (result: RoutingResult) => result.assignments.map((a) => `${a.requestId}→${a.expertId}`);

describe('routing support requests', () => {
  it('sends a district-heating finance question from Kraków to the Polish finance and energy expert (the issue’s example)', () => {
    const krakow = request('krakow-heating', {
      cityId: 'krakow',
      country: 'PL',
      sectors: ['energy'],
      levers: ['finance-funding'],
      languages: ['pl', 'en'],
    });
    const result = routeRequests({
      requests: [krakow],
      experts: [
        expert('anna', { sectors: ['energy', 'buildings'], levers: ['finance-funding'], languages: ['pl', 'en'], countries: ['PL'], weeklyCapacity: 5, openLoad: 3 }),
        expert('brian', { sectors: ['energy'], levers: ['technology-infrastructure'], languages: ['en'], weeklyCapacity: 5 }),
        expert('celina', { sectors: ['energy'], levers: ['finance-funding'], languages: ['pl'], countries: ['PL'], weeklyCapacity: 5, cityIds: ['krakow'] }),
      ],
    });
    expect(pairsOf(result)).toEqual(['krakow-heating→anna']);
    const explanation = result.assignments[0]!.explanation;
    expect(explanation).toMatchObject({
      sharedSectors: ['energy'],
      sharedLevers: ['finance-funding'],
      sharedLanguages: ['pl', 'en'],
      coversCountry: true,
      freeSlots: 2,
      capacity: 5,
      fit: 3 + 2 + 2 + 1,
    });
    expect(explanation.reasons.map(englishText)).toEqual([
      'shares energy',
      'shares finance & funding',
      'speaks pl, en',
      'covers PL',
      '2 of 5 weekly slots free',
    ]);
    expect(result.unassigned).toEqual([]);
  });

  it('prefers the less loaded of two equal experts, and spreads requests across them', () => {
    const experts = [expert('a', { openLoad: 2, weeklyCapacity: 5 }), expert('b', { openLoad: 0, weeklyCapacity: 5 })];
    expect(pairsOf(routeRequests({ requests: [request('r1')], experts }))).toEqual(['r1→b']);
    // b takes loads 0 and 1 (cost 0 + 1); the third costs 2 with either (a at load 2, b at load 2).
    const three = routeRequests({ requests: [request('r1'), request('r2'), request('r3')], experts });
    expect(three.objective).toEqual({ assigned: 3, totalFit: 3 * 5, loadCost: 0 + 1 + 2 });
    expect(three.assignments.filter((a) => a.expertId === 'b').length).toBeGreaterThanOrEqual(2);
  });

  it('assigns as many requests as possible before fitting them best', () => {
    // r1 fits x best, but only x can take r2: both are assigned.
    const result = routeRequests({
      requests: [request('r1', { sectors: ['energy', 'buildings'] }), request('r2', { sectors: ['mobility'] })],
      experts: [
        expert('x', { sectors: ['energy', 'buildings', 'mobility'], weeklyCapacity: 1 }),
        expert('y', { sectors: ['energy'], weeklyCapacity: 1 }),
      ],
    });
    expect(pairsOf(result)).toEqual(['r1→y', 'r2→x']);
  });

  it('says why a request stays unassigned', () => {
    const result = routeRequests({
      requests: [
        request('conflicted', { cityId: 'krakow' }),
        request('polish-only', { languages: ['pl'] }),
        request('off-topic', { sectors: ['industry'] }),
        request('full-1', { sectors: ['mobility'] }),
        request('full-2', { sectors: ['mobility'] }),
      ],
      experts: [
        expert('own', { cityIds: ['krakow'] }),
        expert('declared', { conflictCityIds: ['krakow'], weeklyCapacity: 0 }),
        expert('mover', { sectors: ['mobility'], weeklyCapacity: 1, conflictCityIds: ['krakow'] }),
      ],
    });
    const why = Object.fromEntries(result.unassigned.map((u) => [u.requestId, [u.reason.code, u.eligibleExperts]]));
    expect(why).toEqual({
      conflicted: ['SUPPORT_UNASSIGNED_CONFLICT', 0],
      'polish-only': ['SUPPORT_UNASSIGNED_LANGUAGE', 0],
      'off-topic': ['SUPPORT_UNASSIGNED_TOPIC', 0],
      'full-2': ['SUPPORT_UNASSIGNED_CAPACITY_TAKEN', 1],
    });
    expect(pairsOf(result)).toEqual(['full-1→mover']);
    const none = routeRequests({ requests: [request('r')], experts: [expert('busy', { weeklyCapacity: 2, openLoad: 2 })] });
    expect(none.unassigned.map((u) => u.reason)).toEqual([{ code: 'SUPPORT_UNASSIGNED_NO_CAPACITY', params: { eligible: 1 } }]);
    expect(routeRequests({ requests: [request('r')], experts: [] }).unassigned[0]!.reason.code).toBe('SUPPORT_UNASSIGNED_NO_EXPERTS');
  });

  it('takes any expert for a request that accepts any language, scoring no language', () => {
    const result = routeRequests({ requests: [request('r', { languages: ['pl'], anyLanguage: true })], experts: [expert('en-only')] });
    expect(result.assignments[0]!.explanation).toMatchObject({ sharedLanguages: [], fit: 3 });
  });

  it('keeps a manager’s override, using a slot, and refuses one with a conflict', () => {
    const result = routeRequests({
      requests: [request('r1'), request('r2'), request('r3', { cityId: 'krakow' })],
      experts: [expert('a', { weeklyCapacity: 1 }), expert('b', { weeklyCapacity: 1, languages: ['fr'], cityIds: ['krakow'] })],
      overrides: [
        { requestId: 'r2', expertId: 'a' },
        { requestId: 'r2', expertId: 'a' },
        { requestId: 'r3', expertId: 'b' },
        { requestId: 'nope', expertId: 'a' },
      ],
    });
    expect(result.assignments.map((a) => [a.requestId, a.expertId, a.by])).toEqual([['r2', 'a', 'manager']]);
    expect(result.assignments[0]!.explanation.reasons.at(-1)).toEqual({ code: 'SUPPORT_ASSIGNED_BY_MANAGER' });
    expect(result.refusedOverrides.map((o) => [o.requestId, o.reason.code])).toEqual([
      ['r2', 'SUPPORT_OVERRIDE_TWICE'],
      ['r3', 'SUPPORT_OVERRIDE_CONFLICT'],
      ['nope', 'SUPPORT_OVERRIDE_UNKNOWN'],
    ]);
    // a's only slot went to the override; b speaks French only (and represents Kraków).
    expect(result.unassigned.map((u) => [u.requestId, u.reason.code])).toEqual([
      ['r1', 'SUPPORT_UNASSIGNED_NO_CAPACITY'],
      ['r3', 'SUPPORT_UNASSIGNED_NO_CAPACITY'],
    ]);
  });

  it('adds the city’s priorities from the support-needs survey to the fit, less than the request’s own topics, with a reason naming the survey', () => {
    // Lahti asks about energy finance; its survey answer names mobility and energy, and governance.
    const lahti = request('lahti-heating', { cityId: 'lahti', country: 'FI', sectors: ['energy'], levers: ['finance-funding'], priorities: { sectors: ['mobility', 'energy'], levers: ['governance-policy'] } });
    const generalist = expert('gina', { sectors: ['energy', 'mobility'], levers: ['governance-policy'] });
    const fit = pairFit(lahti, generalist);
    // energy is the request's own sector (3); mobility and governance come from the priorities (1 each); English (2).
    expect(fit).toMatchObject({ allowed: true, fit: 3 + 2 + 1 + 1, parts: { sharedSectors: ['energy'], prioritySectors: ['mobility'], priorityLevers: ['governance-policy'] } });
    // Without priorities the same pair fits less; a priority counts less than a sector of the request.
    expect(pairFit({ ...lahti, priorities: undefined }, generalist)).toMatchObject({ fit: 3 + 2 });
    expect(FIT_POINTS.prioritySector).toBeLessThan(FIT_POINTS.sector);
    expect(FIT_POINTS.priorityLever).toBeLessThan(FIT_POINTS.lever);
    const routed = routeRequests({ requests: [lahti], experts: [generalist] }).assignments[0]!;
    expect(routed.explanation).toMatchObject({ fit: 7, prioritySectors: ['mobility'], priorityLevers: ['governance-policy'] });
    expect(routed.explanation.reasons.map(englishText)).toEqual([
      'shares energy',
      'speaks en',
      'matches the city’s priority sectors (support-needs survey): sustainable mobility',
      'matches the city’s priority levers (support-needs survey): governance & policy',
      '3 of 3 weekly slots free',
    ]);
  });

  it('lets the city’s priorities choose between experts equal on the request itself, but never make a pair allowed', () => {
    const lahti = request('r', { sectors: ['energy'], priorities: { sectors: ['mobility'], levers: [] } });
    const result = routeRequests({ requests: [lahti], experts: [expert('a'), expert('b', { sectors: ['energy', 'mobility'] })] });
    expect(pairsOf(result)).toEqual(['r→b']);
    // An expert in the priorities only, not the request's topic, stays excluded.
    expect(pairFit(lahti, expert('m', { sectors: ['mobility'] }))).toMatchObject({ allowed: false, exclusion: 'no-shared-topic' });
  });

  it('lets a manager assign across languages (only conflicts are binding)', () => {
    const result = routeRequests({ requests: [request('r', { languages: ['pl'] })], experts: [expert('en')], overrides: [{ requestId: 'r', expertId: 'en' }] });
    expect(pairsOf(result)).toEqual(['r→en']);
  });
});

// Small random instances over few sectors, levers and languages so pairs overlap often.
const SECTORS: SectorCode[] = ['energy', 'buildings', 'mobility'];
const LEVERS: LeverCode[] = ['finance-funding', 'governance-policy', 'technology-infrastructure'];
const LANGUAGES = ['pl', 'en', 'fr'];
const CITIES = ['c0', 'c1', 'c2', 'c3'];

function subset<T>(random: () => number, items: readonly T[], probability: number): T[] {
  return items.filter(() => random() < probability);
}

function randomInstance(seed: number) {
  const random = seededRandom(seed);
  const requests = Array.from({ length: 1 + randomInt(random, 5) }, (_, i) =>
    request(`r${i}`, {
      cityId: CITIES[randomInt(random, CITIES.length)]!,
      country: random() < 0.5 ? 'PL' : 'FR',
      sectors: subset(random, SECTORS, 0.4),
      levers: subset(random, LEVERS, 0.4),
      languages: subset(random, LANGUAGES, 0.5),
      anyLanguage: random() < 0.2,
    }),
  );
  const experts = Array.from({ length: 1 + randomInt(random, 4) }, (_, j) =>
    expert(`e${j}`, {
      sectors: subset(random, SECTORS, 0.5),
      levers: subset(random, LEVERS, 0.5),
      languages: subset(random, LANGUAGES, 0.6),
      countries: subset(random, ['PL', 'FR'], 0.4),
      weeklyCapacity: randomInt(random, 4),
      openLoad: randomInt(random, 3),
      cityIds: random() < 0.3 ? [CITIES[randomInt(random, CITIES.length)]!] : [],
      conflictCityIds: random() < 0.3 ? [CITIES[randomInt(random, CITIES.length)]!] : [],
    }),
  );
  return { requests, experts };
}

/** Best (assigned, fit − load cost) by trying every assignment: naive on purpose. */
function exhaustiveOptimum(requests: readonly SupportRequest[], experts: readonly SupportExpert[]) {
  const options = requests.map((r) => [-1, ...experts.map((e, j) => (pairFit(r, e).allowed ? j : -1)).filter((j) => j >= 0)]);
  const count = new Array<number>(experts.length).fill(0);
  let best = { assigned: -1, value: -Infinity };
  const visit = (i: number, assigned: number, fit: number): void => {
    if (i === requests.length) {
      let loadCost = 0;
      for (let j = 0; j < experts.length; j++) {
        if (count[j]! > freeSlots(experts[j]!)) return;
        for (let k = 0; k < count[j]!; k++) loadCost += (experts[j]!.openLoad + k) * LOAD_COST_PER_REQUEST;
      }
      const value = fit - loadCost;
      if (assigned > best.assigned || (assigned === best.assigned && value > best.value)) best = { assigned, value };
      return;
    }
    for (const j of options[i]!) {
      if (j < 0) visit(i + 1, assigned, fit);
      else {
        const f = pairFit(requests[i]!, experts[j]!);
        count[j]!++;
        visit(i + 1, assigned + 1, fit + (f.allowed ? f.fit : 0));
        count[j]!--;
      }
    }
  };
  visit(0, 0, 0);
  return best;
}

describe('routing is exact', () => {
  it('reaches the same optimum as exhaustive search on 300 small random instances', () => {
    let withChoices = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { requests, experts } = randomInstance(seed);
      const result = routeRequests({ requests, experts });
      const best = exhaustiveOptimum(requests, experts);
      expect(result.objective.assigned, `seed ${seed}`).toBe(best.assigned);
      expect(result.objective.totalFit - result.objective.loadCost, `seed ${seed}`).toBe(best.value);
      if (best.assigned > 0 && experts.length > 1) withChoices++;
    }
    // The instances are not all trivial.
    expect(withChoices).toBeGreaterThan(100);
  });

  it('reaches the same optimum as exhaustive search when the cities have priorities from the support-needs survey', () => {
    for (let seed = 3001; seed <= 3200; seed++) {
      const { requests, experts } = randomInstance(seed);
      const random = seededRandom(seed * 7);
      const withPriorities = requests.map((r) => (random() < 0.7 ? { ...r, priorities: { sectors: subset(random, SECTORS, 0.5), levers: subset(random, LEVERS, 0.5) } } : r));
      const result = routeRequests({ requests: withPriorities, experts });
      const best = exhaustiveOptimum(withPriorities, experts);
      expect(result.objective.assigned, `seed ${seed}`).toBe(best.assigned);
      expect(result.objective.totalFit - result.objective.loadCost, `seed ${seed}`).toBe(best.value);
    }
  });

  it('never assigns a conflicted pair nor exceeds an expert’s free slots, and reports what it assigned', () => {
    for (let seed = 1001; seed <= 1300; seed++) {
      const { requests, experts } = randomInstance(seed);
      const result = routeRequests({ requests, experts });
      const requestById = new Map(requests.map((r) => [r.id, r]));
      const expertById = new Map(experts.map((e) => [e.id, e]));
      const perExpert = new Map<string, number>();
      let totalFit = 0;
      for (const a of result.assignments) {
        const r = requestById.get(a.requestId)!;
        const e = expertById.get(a.expertId)!;
        expect(e.cityIds).not.toContain(r.cityId);
        expect(e.conflictCityIds).not.toContain(r.cityId);
        const fit = pairFit(r, e);
        expect(fit.allowed).toBe(true);
        if (fit.allowed) expect(a.explanation.fit).toBe(fit.fit);
        totalFit += a.explanation.fit;
        perExpert.set(e.id, (perExpert.get(e.id) ?? 0) + 1);
      }
      for (const [id, n] of perExpert) expect(n).toBeLessThanOrEqual(freeSlots(expertById.get(id)!));
      // Every request is either assigned or explained, once.
      const accounted = [...result.assignments.map((a) => a.requestId), ...result.unassigned.map((u) => u.requestId)].sort();
      expect(accounted).toEqual(requests.map((r) => r.id).sort());
      expect(result.objective).toMatchObject({ assigned: result.assignments.length, totalFit });
    }
  });

  it('gives the same result whatever the order of the input', () => {
    for (let seed = 2001; seed <= 2100; seed++) {
      const { requests, experts } = randomInstance(seed);
      const forward = routeRequests({ requests, experts });
      const reversed = routeRequests({ requests: [...requests].reverse(), experts: [...experts].reverse() });
      expect(reversed).toEqual(forward);
    }
  });
});
