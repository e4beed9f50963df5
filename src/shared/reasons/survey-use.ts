// The English texts of the reasons of one area — survey answers used by the
// platform (issue 22): a city's priorities from the support-needs survey in
// the matching fit and in expert routing.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const SURVEY_USE_REASONS = {
  // Matching fit of a pair (domain/matching/fit-model.ts): the `priorities` component
  FIT_PRIORITY_SECTORS_COVERED: '{{city}}’s priority sectors (support-needs survey): {{priorities}} — {{host}} has solutions in {{shared}}',
  FIT_PRIORITY_SECTORS_NOT_COVERED: '{{city}}’s priority sectors (support-needs survey): {{priorities}} — {{host}} has no solutions in them',
  // Expert routing (domain/support/expert-fit.ts): parts of the list of reasons
  SUPPORT_MATCHES_PRIORITY_SECTORS: 'matches the city’s priority sectors (support-needs survey): {{sectors}}',
  SUPPORT_MATCHES_PRIORITY_LEVERS: 'matches the city’s priority levers (support-needs survey): {{levers}}',
  // Discussion groups (domain/groups/propose-members.ts): why a city is proposed to a group
  GROUP_PROPOSAL_PRIORITY_SECTORS: '{{city}}’s priority sectors (support-needs survey) include this group’s: {{sectors}}',
} as const satisfies Record<string, string>;
