import type { OutgoingEmail } from '../email/outbox.repository.ts';

const brussels = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';

/** Tells the account's owner that a reset link was used (no link in it: it must be useless to whoever else reads it). */
export function passwordResetDoneEmail(input: { to: string; name: string; at: Date; contactEmail: string }): OutgoingEmail {
  return {
    to: input.to,
    subject: 'Your peercities password was reset',
    text:
      `Hello ${input.name},\n\nThe password of your peercities account was reset with a link sent to this address, ` +
      `on ${brussels.format(input.at)} (Brussels time). Every session that was signed in has been ended.\n\n` +
      `If this was not you, ask for a new reset link on the sign-in page at once, and tell the programme team: ${input.contactEmail}.${signature}`,
  };
}
