import type { FacilitatorStage, RunContext, StoredInstance, StoredResult } from '../../shared/matching.schemas.ts';
import { assignFacilitators } from './facilitator-assignment.ts';
import type { MatchingResult } from './matching-result.ts';
import { matchingInstance } from './matching-instance.ts';
import { fitLookup } from './pair-fits.ts';
import { solveMatching } from './solve-matching.ts';

// After the exact solve: the stored result (reasons with city names), the
// facilitator stage (one facilitator per host with visitors) and the total
// travel CO2 of the placed pairs.

export interface SolvedRun {
  result: StoredResult;
  facilitators: FacilitatorStage;
  totalCo2Kg: number | null;
  /** The run's context with the facilitator stage's visits and preferences. */
  context: RunContext;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The solver names cities by id (the instance's ids are city ids); people read names. */
function withNames(text: string, context: RunContext): string {
  return Object.entries(context.cities).reduce((out, [cityId, city]) => out.replaceAll(cityId, city.name), text);
}

/** Solves a run's instance exactly with explanations, then assigns one facilitator per visit. */
export function solveRun(instance: StoredInstance, context: RunContext): SolvedRun {
  const solved = solveMatching(matchingInstance(instance), { explain: true });
  const result = storedResult(solved, context);
  if (solved.status === 'infeasible') {
    return { result, facilitators: { status: 'skipped', reason: 'The matching is infeasible, so no visit needs a facilitator yet.' }, totalCo2Kg: null, context };
  }
  const fitOf = fitLookup(context);
  const totalCo2Kg = round1(solved.assignments.reduce((sum, a) => sum + (fitOf(a.applicant, a.host)?.travel.co2KgReturn ?? 0), 0));
  const window = context.visitWindow;
  if (!window) return { result, facilitators: { status: 'skipped', reason: 'The programme has no study visits window.' }, totalCo2Kg, context };

  const hostsWithVisitors = new Set(solved.assignments.map((a) => a.host));
  const visits = instance.hosts
    .filter((h) => hostsWithVisitors.has(h.id))
    .map((h) => ({ id: h.id, host: h.name ?? h.id, languages: context.cities[h.id]?.languages ?? [], start: window.startsOn, end: window.endsOn }));
  const { facilitators: people, sharedLanguages } = context.facilitatorInput;
  const preferences = visits.flatMap((v) => people.filter((f) => f.languages.some((l) => v.languages.includes(l))).map((f) => ({ facilitator: f.id, visit: v.id, score: 1 })));
  const withVisits: RunContext = { ...context, facilitatorInput: { ...context.facilitatorInput, visits, preferences } };
  if (!people.length) return { result, facilitators: { status: 'infeasible', reason: 'Nobody holds the facilitator role yet.' }, totalCo2Kg, context: withVisits };

  const assigned = assignFacilitators(visits, people, { sharedLanguages, preferences });
  // Reasons name people and visits, not ids.
  const named = new Map(people.map((f) => [f.id, f.name]));
  const readable = (text: string) => [...named].reduce((s, [id, name]) => s.replaceAll(id, name), visits.reduce((s, v) => s.replaceAll(`visit ${v.id}`, `the visit to ${v.host}`).replaceAll(v.id, v.host), text));
  const facilitators: FacilitatorStage = assigned.status === 'optimal' ? { ...assigned, warnings: assigned.warnings.map(readable) } : { status: 'infeasible', reason: readable(assigned.reason) };
  return { result, facilitators, totalCo2Kg, context: withVisits };
}

function storedResult(solved: MatchingResult, context: RunContext): StoredResult {
  if (solved.status === 'infeasible') return { status: 'infeasible', reason: withNames(solved.reason, context) };
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
              runnerUp: a.runnerUp ? { host: a.runnerUp.host, score: a.runnerUp.score, totalDrop: a.runnerUp.totalDrop, text: a.runnerUp.text } : null,
              notGiven: a.notGiven.map((n) => ({ host: n.host, score: n.score, totalDrop: n.totalDrop, text: n.text })),
            })),
            hosts: solved.explanation.hosts,
          },
        }
      : {}),
  };
}
