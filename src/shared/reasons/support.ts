// The English texts of the reasons of one area — expert support (issue 21): routing requests to experts, peer sessions.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const SUPPORT_REASONS = {
  // Why an expert fits a request (domain/support/expert-fit.ts, route-requests.ts)
  SUPPORT_SHARES_SECTORS: 'shares {{sectors}}',
  SUPPORT_SHARES_LEVERS: 'shares {{levers}}',
  SUPPORT_SPEAKS: 'speaks {{languages}}',
  SUPPORT_COVERS_COUNTRY: 'covers {{country}}',
  SUPPORT_FREE_SLOTS: '{{free}} of {{capacity}} weekly slots free',
  SUPPORT_ASSIGNED_BY_MANAGER: 'assigned by a manager',
  // Why a request stays unassigned (domain/support/route-requests.ts)
  SUPPORT_UNASSIGNED_NO_EXPERTS: 'No expert offers support yet.',
  SUPPORT_UNASSIGNED_CONFLICT: 'Every expert has a conflict of interest with this city.',
  SUPPORT_UNASSIGNED_LANGUAGE: 'No expert without a conflict works in a language of this city.',
  SUPPORT_UNASSIGNED_TOPIC: 'No expert who works in a language of this city covers these sectors or levers.',
  SUPPORT_UNASSIGNED_NO_CAPACITY: 'The experts who fit this request ({{eligible}}) have no free slot this week.',
  SUPPORT_UNASSIGNED_CAPACITY_TAKEN: 'The free slots of the experts who fit this request ({{eligible}}) went to other requests.',
  // Manager overrides refused (domain/support/route-requests.ts)
  SUPPORT_OVERRIDE_UNKNOWN: 'This override names a request or an expert that is not open for routing.',
  SUPPORT_OVERRIDE_CONFLICT: 'This expert has a conflict of interest with the requesting city.',
  SUPPORT_OVERRIDE_TWICE: 'This request already has an override.',
  // Mission Cities proposed for a peer session (domain/support/suggest-peer-cities.ts)
  SUPPORT_PEER_SECTORS: 'planned solutions in {{sectors}}',
  SUPPORT_PEER_LEVERS: 'planned solutions pulling {{levers}}',
  SUPPORT_PEER_MATCHING_SOLUTIONS: 'planned solutions matching the challenge: {{count}}',
  SUPPORT_PEER_LANGUAGES: 'works in {{languages}}',
  SUPPORT_PEER_HOSTED_BEFORE: 'has hosted peer sessions before ({{times}})',
  // Support requests refused or not found (server/modules/support)
  SUPPORT_REQUEST_NOT_FOUND: 'There is no such support request among yours.',
  SUPPORT_REQUEST_CHANGED: 'Someone changed this request in the meantime: reload it and try again.',
  SUPPORT_ASK_FOR_OWN_CITY: 'You can ask for support only for a city you represent.',
  SUPPORT_NOT_NOW: 'This cannot be done while the request is {{state}}.',
  SUPPORT_ALL_FOR_MANAGERS: 'Only programme managers see every request.',
  SUPPORT_ANSWER_EMPTY: 'The answer is empty once unsafe content is removed.',
  SUPPORT_EXPERT_UNKNOWN: 'Choose an expert from the list.',
  SUPPORT_CONFLICT_CITY_UNKNOWN: 'Choose the cities of a conflict from the list.',
  SUPPORT_PROFILE_CHANGED: 'Your profile was changed in the meantime: reload it and try again.',
  // The managers' dashboard and re-routing (server/modules/support/support-dashboard.service.ts, support-rerouting.ts)
  SUPPORT_DASHBOARD_PERIOD: 'The end of the period comes before its start.',
} as const;
