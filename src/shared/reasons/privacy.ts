// The English texts of the reasons of one area — the privacy notice, consent records and opt-ins.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const PRIVACY_REASONS = {
  // Privacy notice and consent (issue 18): accepting the notice, publishing a version.
  PRIVACY_NOTICE_NOT_ACCEPTED: 'Confirm that you have read the privacy notice.',
  PRIVACY_NOTICE_OUTDATED: 'The privacy notice changed while this page was open (version {{current}} is now in force): read it again and accept it.',
  PRIVACY_NOTICE_UNKNOWN: 'There is no privacy notice version {{version}}: reload the page and accept the current one.',
  PRIVACY_NOTICE_VERSION_TAKEN: 'Version {{version}} of the privacy notice exists already: give the new version another label.',
  // Personal-data rights (issue 19): erasure and the download of one's data.
  ERASURE_CONFIRMATION: 'Type ERASE to confirm that the account is erased for good.',
  ERASURE_REASON_REQUIRED: 'Say why the account is erased (the request it answers), in at least 10 characters.',
  ACCOUNT_ALREADY_ERASED: 'This account has already been erased.',
  CANNOT_ERASE_YOURSELF_HERE: 'Erase your own account from your account page, with your password.',
  LAST_MANAGER_CANNOT_BE_ERASED: '{{name}} is the last active programme manager: give someone else the role first.',
  DATA_EXPORT_NOT_FOUND: 'There is no download of your data ready: ask for a new one.',
} as const satisfies Record<string, string>;
