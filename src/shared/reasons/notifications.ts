// The English texts of the reasons of one area — notifications and their preferences.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const NOTIFICATIONS_REASONS = {
  // Someone else's notification answers as a missing one.
  NOTIFICATION_NOT_FOUND: 'There is no such notification of yours.',
} as const satisfies Record<string, string>;
