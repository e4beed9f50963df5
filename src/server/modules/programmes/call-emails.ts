import type { CallKind } from '../../../shared/programme.schemas.ts';
import type { OutgoingEmail } from '../email/outbox.repository.ts';

// What the programme team's changes to a call's window tell the cities
// concerned; queued in the transaction of the change.

const format = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';
const callName = (kind: CallKind) => (kind === 'host' ? 'host call' : 'visitor call');

interface AboutCall {
  to: string;
  name: string;
  cityName: string;
  programmeTitle: string;
  callKind: CallKind;
  timeZone: string;
  url: string;
}

/** The call's deadline moved later: every city with an application hears the new date. */
export function deadlineExtendedEmail(i: AboutCall & { closesAt: Date }): OutgoingEmail {
  return {
    to: i.to,
    subject: `New deadline for the ${callName(i.callKind)} of ${i.programmeTitle}: ${format(i.closesAt, i.timeZone)}`,
    text:
      `Hello ${i.name},\n\nthe programme team has moved the deadline of the ${callName(i.callKind)} of ${i.programmeTitle}.\n\n` +
      `${i.cityName} can now start, change or submit its application until ${format(i.closesAt, i.timeZone)} (${i.timeZone} time):\n${i.url}${signature}`,
  };
}

/** The closed call was reopened for this city alone. */
export function reopenedForCityEmail(i: AboutCall & { until: Date }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.cityName} may still apply to the ${callName(i.callKind)} of ${i.programmeTitle}, until ${format(i.until, i.timeZone)}`,
    text:
      `Hello ${i.name},\n\nthe ${callName(i.callKind)} of ${i.programmeTitle} has closed, but the programme team has reopened it for ${i.cityName}.\n\n` +
      `${i.cityName} can start, change and submit its application until ${format(i.until, i.timeZone)} (${i.timeZone} time):\n${i.url}${signature}`,
  };
}
