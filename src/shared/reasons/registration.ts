// The English texts of the reasons of one area — open registration: signing up, verifying, approval and city claims.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const REGISTRATION_REASONS = {
  // Registration (issue 18): src/server/modules/registration and the registration pages.
  REGISTRATION_NOT_APPROVED: 'Your registration has not been approved yet: you can read public pages and the status of your registration.',
  REGISTRATION_CLOSED: 'Registration is closed. Ask the programme team at {{email}} for an invitation.',
  REGISTRATION_TOO_MANY: 'Too many attempts. Try again in {{minutes}} minutes.',
  REGISTRATION_LINK_INVALID: 'This link has expired or was already used. Sign up again, or sign in if you already verified your email.',
  REGISTRATION_NOT_FOUND: 'There is no such registration.',
  REGISTRATION_DECIDED: 'This registration was already decided.',
  REGISTRATION_STALE: 'Someone else decided or changed this registration in the meantime: reload to see it.',
  REGISTRATION_NEEDS_PLACE: 'This city is not in GeoNames: choose its GeoNames place, say where it is (latitude and longitude), or merge it into an existing city.',
  REGISTRATION_ONLY_MANAGERS: 'Only programme managers may decide registrations of new cities or merge cities.',
  REGISTRATION_COUNTRY_UNKNOWN: 'Choose a country of the EU or associated to Horizon Europe.',
  REGISTRATION_PLACE_UNKNOWN: 'Choose a place from the list.',
  REGISTRATION_CITY_UNKNOWN: 'Choose a city from the list.',
  REGISTRATION_NO_CITY: 'Choose your city, or describe it if it is not listed.',
  REGISTRATION_TEXT_INVALID: 'Use letters, digits and punctuation only (no line breaks or control characters).',
  REGISTRATION_NOT_VALID: 'Some fields of the registration are not valid.',
  REGISTRATION_PRIVACY_REQUIRED: 'Confirm that you have read the privacy notice.',
  // The start page (modules/work reads the registrations): the approval queue for managers, claims on a primary contact's city.
  WORK_REGISTRATIONS_WAITING: 'Registrations waiting for a decision: {{count}}',
  WORK_CITY_CLAIM: '{{name}} asks to represent {{city}}',
} as const satisfies Record<string, string>;
