// The English texts of the reasons of one area — meeting requests in conversations.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const MEETINGS_REASONS = {
} as const satisfies Record<string, string>;
