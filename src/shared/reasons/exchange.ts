// The English texts of the reasons of one area — direct exchange between cities: conversations, messages, blocks and reports.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const EXCHANGE_REASONS = {
  // Direct exchange (issue 20): a conversation the caller's city (or team, or expert) takes part in.
  CONVERSATION_NOT_FOUND: 'There is no such conversation among yours.',
  INBOX_NOT_YOURS: 'You do not act for this city.',
  MESSAGE_EMPTY_WHEN_CLEANED: 'The message has no text left once unsafe content is removed.',
  MESSAGE_WRITE_TEXT: 'Write the message as text.',
  CONVERSATION_FROM_NOT_YOURS: 'Write on behalf of one of the cities you represent.',
  CONVERSATION_RECIPIENTS: 'Choose whom to write to: one or more other cities, or the programme team, or one expert.',
  CONVERSATION_ABOUT_UNKNOWN: 'Choose what the conversation is about from the list: a published solution, a city, or a study visit your city takes part in.',
  CONVERSATION_NOT_ACCEPTED: 'You cannot start a conversation with this city.',
  ATTACH_OWN_MESSAGE_ONLY: 'Only the author of a message can add files to it.',
  ATTACH_WINDOW_CLOSED: 'Files can be added to a message within 30 minutes of sending it. Send a new message with the file.',
  ATTACH_TOO_MANY: 'A message holds at most {{max}} files.',
  BLOCK_OWN_CITY: 'A city cannot block itself.',
  BLOCK_CITY_UNKNOWN: 'There is no such city.',
  REPORT_ALREADY_OPEN: 'You have already reported this message; the programme team will look at it.',
  REPORT_NOT_FOUND: 'There is no such report.',
  REPORT_ALREADY_DECIDED: 'This report has already been decided.',
  HIDE_REASON_REQUIRED: 'Give the reason for hiding the message (the parties see it, and the audit log keeps it).',
} as const satisfies Record<string, string>;
