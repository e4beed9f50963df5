import type { Role } from '../../../shared/roles.ts';
import type { OutgoingEmail } from './outbox.repository.ts';

const ROLE_LABELS: Record<Role, string> = {
  programme_manager: 'programme manager',
  facilitator: 'facilitator',
  evaluator: 'evaluator',
  expert: 'expert',
  city_representative: 'city representative',
};

const brussels = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';

/** A role in an email's words: "evaluator", "city representative for Tartu". */
export const describeRole = (role: Role, cityName: string | null) => (cityName ? `${ROLE_LABELS[role]} for ${cityName}` : ROLE_LABELS[role]);

export function invitationEmail(input: {
  to: string;
  name: string;
  inviterName: string;
  /** Every role the invitation grants, the one with a city first. */
  roles: readonly { role: Role; cityName: string | null }[];
  url: string;
  expiresAt: Date;
}): OutgoingEmail {
  const what = input.roles.map((r) => describeRole(r.role, r.cityName)).join(' and ');
  return {
    to: input.to,
    subject: `You are invited to peercities as ${what}`,
    text:
      `Hello ${input.name},\n\n${input.inviterName} invites you to join peercities as ${what}.\n\n` +
      `Accept the invitation and choose your password here:\n${input.url}\n\n` +
      `The link works once and expires on ${brussels.format(input.expiresAt)} (Brussels time).` +
      `\nIf you did not expect this email, you can ignore it.${signature}`,
  };
}

export function passwordResetEmail(input: { to: string; name: string; url: string; expiresAt: Date }): OutgoingEmail {
  return {
    to: input.to,
    subject: 'Reset your peercities password',
    text:
      `Hello ${input.name},\n\nSomebody (hopefully you) asked to reset the password of your peercities account.\n\n` +
      `Choose a new password here:\n${input.url}\n\n` +
      `The link works once and expires on ${brussels.format(input.expiresAt)} (Brussels time).` +
      `\nIf you did not ask for this, ignore this email: your password stays as it is.${signature}`,
  };
}

/** Tells the owner their password changed (on the account page, or through a reset link), so a stranger's change does not go unnoticed. */
export function passwordChangedEmail(input: { to: string; name: string; at: Date; how: 'changed' | 'reset'; resetUrl: string }): OutgoingEmail {
  const how = input.how === 'reset' ? 'was reset through a link sent to this address' : 'was changed on the account page';
  return {
    to: input.to,
    subject: 'Your peercities password was changed',
    text:
      `Hello ${input.name},\n\nThe password of your peercities account ${how} on ${brussels.format(input.at)} (Brussels time). ` +
      `${input.how === 'reset' ? 'Every session' : 'Every other session'} of your account was ended.\n\n` +
      `If this was you, there is nothing to do.\nIf it was not, choose a new password at once here and tell the programme team:\n${input.resetUrl}${signature}`,
  };
}
