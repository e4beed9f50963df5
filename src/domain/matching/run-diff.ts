import type { RunDetail, StoredInstance, StoredResult } from '../../shared/matching.schemas.ts';

/** What a diff reads of a run: its objective (null when infeasible), placements and applicants. */
export interface ComparedRun {
  objective: number | null;
  result: Pick<StoredResult, 'assignments'>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * What changed from the previous run: every city whose host changed (placed,
 * moved or left out), by name, and the change of the total fit.
 */
export function diffRuns(previous: ComparedRun & { id: string; number: number }, current: ComparedRun & { instance: Pick<StoredInstance, 'applicants'> }, name: (cityId: string) => string): NonNullable<RunDetail['diff']> {
  const before = new Map((previous.result.assignments ?? []).map((a) => [a.applicant, a.host]));
  const after = new Map((current.result.assignments ?? []).map((a) => [a.applicant, a.host]));
  const ids = [...new Set([...before.keys(), ...after.keys(), ...current.instance.applicants.map((a) => a.id)])];
  const moved = ids
    .filter((cityId) => (before.get(cityId) ?? null) !== (after.get(cityId) ?? null))
    .map((cityId) => {
      const from = before.get(cityId);
      const to = after.get(cityId);
      return { cityId, name: name(cityId), from: from ? name(from) : null, to: to ? name(to) : null };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  return {
    previousRunId: previous.id,
    previousNumber: previous.number,
    objectiveChange: current.objective !== null && previous.objective !== null ? round2(current.objective - previous.objective) : null,
    moved,
  };
}
