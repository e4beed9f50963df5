export interface Criterion {
  id: string;
  name: string;
  weight: number;
  /** Scores run from 0 to scaleMax. */
  scaleMax: number;
}

export interface SubmittedEvaluation {
  evaluatorId: string;
  applicationId: string;
  scores: Readonly<Record<string, number>>;
}

export interface ApplicationScore {
  applicationId: string;
  /** Mean over evaluators of the weighted score, 0–100; null before any evaluation. */
  score: number | null;
  evaluations: number;
  /** Highest minus lowest evaluator total (0–100 points): large spreads deserve a look. */
  spread: number | null;
  /** Mean per criterion on its own scale. */
  byCriterion: Record<string, number | null>;
}

export interface RankedApplication extends ApplicationScore {
  /** Competition rank (1, 2, 2, 4); null when not yet scored. */
  rank: number | null;
  tiedWith: string[];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One evaluator's weighted total of an application, 0–100. */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  if (totalWeight <= 0) return 0;
  const sum = criteria.reduce((s, c) => s + c.weight * ((scores[c.id] ?? 0) / c.scaleMax), 0);
  return (100 * sum) / totalWeight;
}

/** Scores every application from its submitted evaluations. */
export function scoreApplications(
  applicationIds: readonly string[],
  criteria: readonly Criterion[],
  evaluations: readonly SubmittedEvaluation[],
): ApplicationScore[] {
  return applicationIds.map((applicationId) => {
    const mine = evaluations.filter((e) => e.applicationId === applicationId);
    const totals = mine.map((e) => weightedTotal(criteria, e.scores));
    const byCriterion = Object.fromEntries(
      criteria.map((c) => {
        const values = mine.map((e) => e.scores[c.id]).filter((v): v is number => v !== undefined);
        return [c.id, values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null];
      }),
    );
    return {
      applicationId,
      score: totals.length ? round(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
      evaluations: totals.length,
      spread: totals.length ? round(Math.max(...totals) - Math.min(...totals)) : null,
      byCriterion,
    };
  });
}

/** Orders by score, best first; equal scores share a rank and name each other. Unscored come last. */
export function rankApplications(scores: readonly ApplicationScore[]): RankedApplication[] {
  const scored = scores.filter((s) => s.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.applicationId.localeCompare(b.applicationId));
  const ranked: RankedApplication[] = scored.map((s, i) => {
    const firstEqual = scored.findIndex((o) => o.score === s.score);
    const tiedWith = scored.filter((o) => o.score === s.score && o.applicationId !== s.applicationId).map((o) => o.applicationId);
    return { ...s, rank: firstEqual === -1 ? i + 1 : firstEqual + 1, tiedWith };
  });
  const unscored = scores.filter((s) => s.score === null).map((s) => ({ ...s, rank: null, tiedWith: [] }));
  return [...ranked, ...unscored];
}
