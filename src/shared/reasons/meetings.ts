// The English texts of the reasons of one area — meeting requests in conversations.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const MEETINGS_REASONS = {
  MEETING_REQUEST_NOT_FOUND: 'There is no such meeting request in this conversation.',
  MEETING_REQUEST_CHANGED: 'Someone changed or answered this meeting request in the meantime. Reload it and try again.',
  MEETING_SLOT_TOO_SOON: 'Propose a time at least {{minutes}} minutes from now.',
  MEETING_SLOTS_NOT_DISTINCT: 'This time is proposed twice.',
  MEETING_SLOTS_COUNT: 'Propose from {{min}} to {{max}} times.',
  MEETING_SLOT_UNKNOWN: 'Pick one of the proposed times.',
  MEETING_SLOT_PAST: 'This time has passed. Ask for new times instead.',
  MEETING_OTHER_SIDE_ANSWERS: 'The other side answers this meeting request, not the side that proposed it.',
  MEETING_PROPOSER_MOVES: 'Only the side that proposed the meeting can change the proposed times before one is accepted.',
  MEETING_MOVE_ONE_TIME: 'Give the one new time for the accepted meeting.',
  MEETING_NOT_SCHEDULED: 'No time has been agreed for this meeting, so there is no calendar file yet.',
} as const satisfies Record<string, string>;
