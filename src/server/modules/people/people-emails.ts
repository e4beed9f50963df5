import type { Role } from '../../../shared/roles.ts';
import { describeRole } from '../email/email-templates.ts';
import type { OutgoingEmail } from '../email/outbox.repository.ts';

// What a person needs to know when someone else changes their access: a role
// given, a city put in their hands, their account closed or opened again.
// A role taken away is not announced: the person sees it at their next visit.

const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';

interface Addressee {
  to: string;
  name: string;
}

export function roleGrantedEmail(i: Addressee & { actorName: string; role: Role; cityName: string | null; primaryContact: boolean; url: string }): OutgoingEmail {
  const what = describeRole(i.role, i.cityName);
  return {
    to: i.to,
    subject: `You are now ${what} on peercities`,
    text:
      `Hello ${i.name},\n\n${i.actorName} has made you ${what} on peercities` +
      `${i.primaryContact && i.cityName ? `, and ${i.cityName}'s primary contact` : ''}.\n\n` +
      `Sign in to see what you can do now:\n${i.url}${signature}`,
  };
}

export function primaryContactEmail(i: Addressee & { actorName: string; cityName: string; url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `You are now the primary contact of ${i.cityName} on peercities`,
    text:
      `Hello ${i.name},\n\n${i.actorName} has made you the primary contact of ${i.cityName} on peercities.\n\n` +
      `You can now invite colleagues to represent ${i.cityName}, and remove them, here:\n${i.url}${signature}`,
  };
}

export function accountDeactivatedEmail(i: Addressee): OutgoingEmail {
  return {
    to: i.to,
    subject: 'Your peercities account has been deactivated',
    text:
      `Hello ${i.name},\n\nthe programme team has deactivated your peercities account: you can no longer sign in. ` +
      `What you wrote and did on the platform stays as it was.\n\n` +
      `If you think this is a mistake, reply to the programme team.${signature}`,
  };
}

export function accountReactivatedEmail(i: Addressee & { url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: 'Your peercities account is active again',
    text: `Hello ${i.name},\n\nthe programme team has reactivated your peercities account. Sign in with your usual password:\n${i.url}${signature}`,
  };
}
