// The English texts of the reasons of one area — the privacy notice, consent records and opt-ins.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const PRIVACY_REASONS = {
  // Privacy notice and consent (issue 18): accepting the notice, publishing a version.
  PRIVACY_NOTICE_NOT_ACCEPTED: 'Confirm that you have read the privacy notice.',
  PRIVACY_NOTICE_OUTDATED: 'The privacy notice changed while this page was open (version {{current}} is now in force): read it again and accept it.',
  PRIVACY_NOTICE_UNKNOWN: 'There is no privacy notice version {{version}}: reload the page and accept the current one.',
  PRIVACY_NOTICE_VERSION_TAKEN: 'Version {{version}} of the privacy notice exists already: give the new version another label.',
} as const satisfies Record<string, string>;
