// The English texts of the reasons of one area — people and roles, invitations, a city’s representatives.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const PEOPLE_REASONS = {
  // People and roles (issue 17): the directory, roles, deactivation, invitations, a city's representatives.
  PERSON_NOT_FOUND: 'There is no such person.',
  ACCOUNT_DEACTIVATED: 'Your account has been deactivated. Ask the programme team if you need it again.',
  PERSON_DEACTIVATED: 'The account of {{name}} is deactivated: reactivate it first.',
  CANNOT_DEACTIVATE_YOURSELF: 'You cannot deactivate your own account: ask another programme manager.',
  LAST_PROGRAMME_MANAGER: '{{name}} is the last active programme manager: make someone else a programme manager first.',
  ROLE_ALREADY_HELD: 'This person already holds this role.',
  ROLE_NOT_HELD: '{{name}} does not hold this role.',
  LAST_REPRESENTATIVE: '{{name}} is the last representative of {{city}}: invite or add another representative first.',
  HAND_OVER_PRIMARY_CONTACT_FIRST: '{{name}} is the primary contact of {{city}}: make another representative the primary contact first.',
  NOT_A_REPRESENTATIVE: '{{name}} does not represent {{city}}.',
  REPRESENTATIVES_NOT_YOURS: 'Only the representatives of {{city}} and programme managers may see who represents it.',
  NOT_PRIMARY_CONTACT: 'Only the primary contact of {{city}} and programme managers may change who represents it.',
  INVITATION_NOT_FOUND: 'There is no such invitation.',
  INVITATION_ALREADY_PENDING: '{{email}} already has a pending invitation for this role: send it again or revoke it first.',
  INVITATION_ACCEPTED: 'This invitation was already accepted.',
  INVITATION_REVOKED: 'This invitation was revoked.',
  INVITATION_EXPIRED: 'This invitation has expired.',
  // Passwords and sessions (issue 19): refused passwords, the sessions of my account.
  PASSWORD_NOT_ALLOWED: 'This password cannot be used: choose another one.',
  PASSWORD_TOO_COMMON: 'This password is one of the 100,000 most common passwords: choose another one, for example a few unrelated words.',
  PASSWORD_CONTAINS_EMAIL: 'Your password may not contain your email address or the part of it before the @.',
  SESSION_NOT_FOUND: 'There is no such session of yours.',
} as const satisfies Record<string, string>;
