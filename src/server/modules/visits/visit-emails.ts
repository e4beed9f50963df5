import type { OutgoingEmail } from '../email/outbox.repository.ts';

const long = (date: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

export function scheduleConfirmedEmail(i: { to: string; name: string; hostName: string; programmeTitle: string; startsOn: string; endsOn: string; url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.programmeTitle}: the study visit to ${i.hostName} is on ${long(i.startsOn)}`,
    text:
      `Hello ${i.name},\n\nthe dates of the study visit to ${i.hostName} are fixed: ${long(i.startsOn)} to ${long(i.endsOn)}.\n\n` +
      `The programme, the delegations and the calendar file are here:\n${i.url}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}
