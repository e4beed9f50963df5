// The English texts of the reasons of one area — direct exchange between cities: conversations, messages, blocks and reports.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const EXCHANGE_REASONS = {
  // Direct exchange (issue 20): a conversation the caller's city (or team, or expert) takes part in.
  CONVERSATION_NOT_FOUND: 'There is no such conversation among yours.',
} as const satisfies Record<string, string>;
