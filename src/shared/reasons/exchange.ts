// The English texts of the reasons of one area — direct exchange between cities: conversations, messages, blocks and reports.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const EXCHANGE_REASONS = {
  // Direct exchange (issue 20): a conversation the caller's city (or team, or expert) takes part in.
  CONVERSATION_NOT_FOUND: 'There is no such conversation among yours.',
  INBOX_NOT_YOURS: 'You do not act for this city.',
  MESSAGE_EMPTY_WHEN_CLEANED: 'The message is empty once unsafe content is removed.',
  CONVERSATION_RECIPIENTS: 'Write to other cities, or the programme team, or one expert.',
  CONVERSATION_ABOUT_UNKNOWN: 'Choose what the conversation is about from the list.',
  CONVERSATION_NOT_ACCEPTED: 'You cannot write to this city.',
  ATTACH_OWN_MESSAGE_ONLY: 'Only the author adds files to a message.',
  ATTACH_WINDOW_CLOSED: 'Files can be added within 30 minutes of sending.',
  ATTACH_TOO_MANY: 'A message holds at most {{max}} files.',
  BLOCK_OWN_CITY: 'A city cannot block itself.',
  REPORT_ALREADY_OPEN: 'You have already reported this message.',
  REPORT_NOT_FOUND: 'There is no such report.',
  REPORT_ALREADY_DECIDED: 'This report was already decided.',
  HIDE_REASON_REQUIRED: 'Give the reason for hiding the message.',
} as const satisfies Record<string, string>;
