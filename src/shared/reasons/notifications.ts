// The English texts of the reasons of one area — notifications and their preferences.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const NOTIFICATIONS_REASONS = {
} as const satisfies Record<string, string>;
