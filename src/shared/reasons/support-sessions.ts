// The English texts of the reasons of one area — peer sessions and calls on request (issue 21).
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const SUPPORT_SESSIONS_REASONS = {
  // Refused changes (server/modules/support/peer-sessions.service.ts)
  SUPPORT_NOT_PEER_SESSION: 'Only a peer-session request has Mission Cities to invite.',
  SUPPORT_PEER_CITY_UNKNOWN: 'Choose Mission Cities from the list, other than the asking city.',
} as const;
