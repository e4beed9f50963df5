// The English texts of the reasons of one area — evaluation, selection and the decisions.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const REVIEW_REASONS = {
  // Evaluation and selection (domain/evaluation, domain/selection)
  EVALUATOR_DECLARED_CONFLICT: 'The evaluator declared a conflict of interest.',
  EVALUATOR_REPRESENTS_CITY: 'The evaluator represents the applicant city.',
  EVALUATOR_SAME_COUNTRY: 'The evaluator is from the same country ({{country}}).',
  EVALUATORS_TOO_FEW: 'Only {{eligible}} evaluator(s) may judge this application (others share its country or city, or declared a conflict); {{needed}} are needed.',
  SELECTION_TOO_MANY_HOSTS: '{{selected}} hosts are selected but the programme takes {{limit}}. Move {{excess}} to the waiting list or reject them.',
  SELECTION_TOO_MANY_VISITORS: '{{selected}} visiting cities are selected but the programme takes {{limit}}. Move {{excess}} to the waiting list or reject them.',
  SELECTION_UNDECIDED: '{{undecided}} application(s) have no decision yet.',
  SELECTION_WAITLIST_PLACES: 'Every waitlisted application needs its own place on the waiting list.',
  // Review: evaluation and decisions (server/modules/review)
  REVIEW_NOT_YET: 'Evaluation starts when the call has closed.',
  REVIEW_OVER: 'The decisions are published: evaluation is over.',
  SUBMITTED_APPLICATION_NOT_FOUND: 'There is no submitted application with this id.',
  DECISIONS_AFTER_CLOSE: 'Decisions are taken after the call has closed.',
  DECISIONS_FINAL: 'The decisions of this call are published and can no longer change.',
  DECISIONS_ALREADY_PUBLISHED: 'These decisions are already published.',
  DECISIONS_NOT_READY: 'Not ready to publish:',
  EVALUATOR_CHOOSE: 'Choose an evaluator.',
  EVALUATOR_NOT_ONE: 'This person is not an evaluator.',
  APPLICATION_WITHDRAWN_BY_CITY: '{{city}} withdrew its application.',
  EVALUATOR_OWN_CITY: '{{evaluator}} represents {{city}} and cannot evaluate its application.',
  EVALUATOR_OWN_COUNTRY: '{{evaluator}} represents a city of the same country as {{city}}; choose someone from another country.',
  EVALUATOR_CONFLICT_WITH: '{{evaluator}} declared a conflict of interest with {{city}}.',
  EVALUATOR_NOT_ASSIGNED: '{{evaluator}} is not assigned to {{city}}.',
  EVALUATOR_ALREADY_SUBMITTED: '{{evaluator}} has already submitted scores for {{city}}; they count in the ranking.',
  EVALUATION_NOT_YOURS: 'This application is not assigned to you.',
  SCORE_NOT_A_CRITERION: 'Not a criterion of this call.',
  SCORE_RANGE: 'Give a whole number from 0 to {{max}}.',
  SCORE_REQUIRED: 'Score “{{criterion}}” before submitting.',
  SCORES_NOT_VALID: 'Some scores are not valid.',
  EVALUATION_ALREADY_SUBMITTED: 'This evaluation is already submitted.',
  EVALUATION_RELEASED_FOR_CONFLICT: 'This evaluation is already released for a conflict of interest.',
  EVALUATION_SAVED_ELSEWHERE: 'Your evaluation was saved elsewhere since you opened it (another tab?). Reload it before saving again.',
  EVALUATION_SUBMITTED_ASK_MANAGER: 'You already submitted this evaluation; ask a programme manager to withdraw it.',
} as const satisfies Record<string, string>;
