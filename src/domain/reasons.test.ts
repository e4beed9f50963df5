import { describe, expectTypeOf, it } from 'vitest';
import type { Reason } from '../shared/reason.ts';
import type { StoredReason } from '../shared/matching.schemas.ts';
import type { AnswerProblem } from './calls/answers.ts';
import type { CsvRowError } from './cities/city-csv.ts';
import type { MissionCityMatch, SimilarCityResult } from './cities/similar-cities.ts';
import type { AssignmentResult, exclusionReason } from './evaluation/assign-evaluators.ts';
import type { matchingViolations } from './matching/check-matching.ts';
import type { AlternativeHost } from './matching/explain-matching.ts';
import type { FacilitatorAssignment } from './matching/facilitator-assignment.ts';
import type { FitComponent } from './matching/fit-model.ts';
import type { InstanceProblem } from './matching/matching-instance.ts';
import type { InfeasibleMatching } from './matching/matching-result.ts';
import type { MatchingSelection } from './matching/matching-selection.ts';
import type { Preparation } from './matching/prepare-matching.ts';
import type { storedReason } from './matching/run-placements.ts';
import type { SelectionSummary } from './selection/selection.ts';
import type { AssignmentExplanation, RefusedOverride, UnassignedRequest } from './support/route-requests.ts';
import type { PeerCitySuggestion } from './support/suggest-peer-cities.ts';
import type { ScheduleResult } from './visits/schedule-visits.ts';

// Checked by the compiler (npm run typecheck): what a rule says to people is a
// Reason (src/shared/reason.ts), never a string it wrote itself
// (docs/decisions/0014-reasons.md).

describe('the domain rules', () => {
  it('say why with reasons, not sentences', () => {
    expectTypeOf<AnswerProblem['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<CsvRowError['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<SimilarCityResult['reasons']>().toEqualTypeOf<Reason[]>();
    expectTypeOf<MissionCityMatch['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<ReturnType<typeof exclusionReason>>().toEqualTypeOf<Reason | null>();
    expectTypeOf<Extract<AssignmentResult, { status: 'incomplete' }>['shortfalls'][number]['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<SelectionSummary['problems']>().toEqualTypeOf<Reason[]>();
    expectTypeOf<Extract<ScheduleResult, { status: 'conflict' }>['reason']>().toEqualTypeOf<Reason>();
  });

  it('route support requests and propose peer cities with reasons', () => {
    expectTypeOf<AssignmentExplanation['reasons']>().toEqualTypeOf<Reason[]>();
    expectTypeOf<UnassignedRequest['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<RefusedOverride['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<PeerCitySuggestion['reasons']>().toEqualTypeOf<Reason[]>();
  });

  it('explain the matching with reasons, and read the English text of older stored runs as one', () => {
    expectTypeOf<InstanceProblem['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<Extract<Preparation, { feasible: false }>['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<InfeasibleMatching['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<AlternativeHost['why']>().toEqualTypeOf<Reason>();
    expectTypeOf<FitComponent['reasons']>().toEqualTypeOf<Reason[]>();
    expectTypeOf<ReturnType<typeof matchingViolations>>().toEqualTypeOf<Reason[]>();
    expectTypeOf<Extract<FacilitatorAssignment, { status: 'infeasible' }>['reason']>().toEqualTypeOf<Reason>();
    expectTypeOf<Extract<FacilitatorAssignment, { status: 'optimal' }>['warnings']>().toEqualTypeOf<Reason[]>();
    expectTypeOf<MatchingSelection['blocker']>().toEqualTypeOf<Reason | null>();
    expectTypeOf<typeof storedReason>().toEqualTypeOf<(stored: StoredReason) => Reason>();
  });
});
