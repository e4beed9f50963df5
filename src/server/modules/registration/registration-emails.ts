// The emails of open registration. Nothing a registering person typed reaches
// them except, in their own emails, their own name (decision 0020): a city name
// typed by a stranger never goes to anybody.
import type { OutgoingEmail } from '../email/outbox.repository.ts';

const brussels = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';

export function verifyEmailEmail(input: { to: string; name: string; url: string; expiresAt: Date }): OutgoingEmail {
  return {
    to: input.to,
    subject: 'Confirm your email address for peercities',
    text:
      `Hello ${input.name},\n\nThank you for registering with peercities. Confirm your email address here:\n${input.url}\n\n` +
      `The link works once and expires on ${brussels.format(input.expiresAt)} (Brussels time). ` +
      `Until you confirm, nothing else happens; an unconfirmed registration is deleted then.` +
      `\nIf you did not register, ignore this email.${signature}`,
  };
}

/** To an address that already has an account: someone (maybe its owner) tried to register with it. */
export function alreadyRegisteredEmail(input: { to: string; name: string; signInUrl: string; resetUrl: string }): OutgoingEmail {
  return {
    to: input.to,
    subject: 'Someone tried to register with your address on peercities',
    text:
      `Hello ${input.name},\n\nSomeone tried to register on peercities with this email address, which already has an account.\n\n` +
      `If it was you, sign in here:\n${input.signInUrl}\n\nor, if you forgot your password, reset it here:\n${input.resetUrl}\n\n` +
      `If it was not you, you can ignore this email: nothing has changed.${signature}`,
  };
}

export function registrationApprovedEmail(input: { to: string; name: string; url: string }): OutgoingEmail {
  return {
    to: input.to,
    subject: 'Your peercities registration was approved',
    text:
      `Hello ${input.name},\n\nYour registration was approved: you now represent your city on peercities.\n\n` +
      `Sign in here:\n${input.url}${signature}`,
  };
}

export function registrationDeclinedEmail(input: { to: string; name: string; reason: string; contactEmail: string }): OutgoingEmail {
  return {
    to: input.to,
    subject: 'Your peercities registration was declined',
    text:
      `Hello ${input.name},\n\nYour registration on peercities was declined, for this reason:\n\n${input.reason}\n\n` +
      `If you think this is a mistake, write to the programme team at ${input.contactEmail}.${signature}`,
  };
}

/** To a city's primary contact: somebody asks to represent the city too. */
export function cityClaimEmail(input: { to: string; name: string; cityName: string; url: string }): OutgoingEmail {
  return {
    to: input.to,
    subject: `Someone asks to represent ${input.cityName} on peercities`,
    text:
      `Hello ${input.name},\n\nA person has registered on peercities as a representative of ${input.cityName}. ` +
      `As its primary contact, please confirm or decline their claim here:\n${input.url}\n\n` +
      `The programme team may also decide it.${signature}`,
  };
}
