import type { FacilitatorStage, RunContext, StoredInstance, StoredResult } from '../../shared/matching.schemas.ts';
import { reason } from '../../shared/reason-texts.ts';
import { assignFacilitators } from './facilitator-assignment.ts';
import type { MatchingResult } from './matching-result.ts';
import { matchingInstance } from './matching-instance.ts';
import { fitLookup } from './pair-fits.ts';
import { solveMatching } from './solve-matching.ts';

// After the exact solve: the stored result (its reasons name the cities, as
// the instance holds their names), the facilitator stage (one facilitator per
// host with visitors) and the total travel CO2 of the placed pairs.

export interface SolvedRun {
  result: StoredResult;
  facilitators: FacilitatorStage;
  totalCo2Kg: number | null;
  /** The run's context with the facilitator stage's visits and preferences. */
  context: RunContext;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Solves a run's instance exactly with explanations, then assigns one facilitator per visit. */
export function solveRun(instance: StoredInstance, context: RunContext): SolvedRun {
  const solved = solveMatching(matchingInstance(instance), { explain: true });
  const result = storedResult(solved);
  if (solved.status === 'infeasible') {
    return { result, facilitators: { status: 'skipped', reason: reason('FACILITATORS_MATCHING_INFEASIBLE') }, totalCo2Kg: null, context };
  }
  const fitOf = fitLookup(context);
  const totalCo2Kg = round1(solved.assignments.reduce((sum, a) => sum + (fitOf(a.applicant, a.host)?.travel.co2KgReturn ?? 0), 0));
  const window = context.visitWindow;
  if (!window) return { result, facilitators: { status: 'skipped', reason: reason('FACILITATORS_NO_WINDOW') }, totalCo2Kg, context };

  const hostsWithVisitors = new Set(solved.assignments.map((a) => a.host));
  const visits = instance.hosts
    .filter((h) => hostsWithVisitors.has(h.id))
    .map((h) => ({ id: h.id, host: h.name ?? h.id, languages: context.cities[h.id]?.languages ?? [], start: window.startsOn, end: window.endsOn }));
  const { facilitators: people, sharedLanguages } = context.facilitatorInput;
  const preferences = visits.flatMap((v) => people.filter((f) => f.languages.some((l) => v.languages.includes(l))).map((f) => ({ facilitator: f.id, visit: v.id, score: 1 })));
  const withVisits: RunContext = { ...context, facilitatorInput: { ...context.facilitatorInput, visits, preferences } };
  if (!people.length) return { result, facilitators: { status: 'infeasible', reason: reason('FACILITATORS_NOBODY') }, totalCo2Kg, context: withVisits };

  // The visits carry their host's name and the people theirs, so the reasons name both.
  const facilitators: FacilitatorStage = assignFacilitators(visits, people, { sharedLanguages, preferences });
  return { result, facilitators, totalCo2Kg, context: withVisits };
}

function storedResult(solved: MatchingResult): StoredResult {
  if (solved.status === 'infeasible') return { status: 'infeasible', reason: solved.reason };
  return {
    status: solved.status,
    objective: solved.objective,
    assignments: solved.assignments,
    unassigned: solved.unassigned,
    ...(solved.gap !== undefined ? { gap: solved.gap } : {}),
    ...(solved.explanation
      ? {
          explanation: {
            applicants: solved.explanation.applicants.map((a) => ({
              applicant: a.applicant,
              placement: a.placement,
              runnerUp: a.runnerUp ? { host: a.runnerUp.host, score: a.runnerUp.score, totalDrop: a.runnerUp.totalDrop, why: a.runnerUp.why } : null,
              notGiven: a.notGiven.map((n) => ({ host: n.host, score: n.score, totalDrop: n.totalDrop, why: n.why })),
            })),
            hosts: solved.explanation.hosts,
          },
        }
      : {}),
  };
}
