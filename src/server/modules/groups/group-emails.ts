import type { OutgoingEmail } from '../email/outbox.repository.ts';

const format = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);

export function sessionInvitationEmail(i: {
  to: string;
  name: string;
  groupName: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  joinUrl: string | null;
  icsUrl: string;
}): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.groupName}: ${i.title}, ${format(i.startsAt, i.timeZone)}`,
    text:
      `Hello ${i.name},\n\nyou are invited to the next session of ${i.groupName}: ${i.title}.\n\n` +
      `When: ${format(i.startsAt, i.timeZone)} (${i.timeZone} time), ${i.durationMinutes} minutes\n` +
      (i.joinUrl ? `Join: ${i.joinUrl}\n` : '') +
      `Add it to your calendar: ${i.icsUrl}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}
