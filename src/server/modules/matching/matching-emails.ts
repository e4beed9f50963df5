import type { OutgoingEmail } from '../email/outbox.repository.ts';

const long = (date: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** Tells a host or a visiting city's representative where the city goes (or who comes), once the matching is published. */
export function matchingPublishedEmail(i: {
  to: string;
  name: string;
  role: 'host' | 'visitor';
  cityName: string;
  hostName: string;
  visitors: readonly string[];
  programmeTitle: string;
  window: { startsOn: string; endsOn: string } | null;
  url: string;
}): OutgoingEmail {
  const when = i.window ? ` between ${long(i.window.startsOn)} and ${long(i.window.endsOn)}` : '';
  const others = i.visitors.filter((v) => v !== i.cityName);
  const body =
    i.role === 'host'
      ? `${i.cityName} will host a study visit${when} for ${i.visitors.join(', ')}.`
      : `${i.cityName} will visit ${i.hostName}${when}${others.length ? `, together with ${others.join(', ')}` : ''}.`;
  return {
    to: i.to,
    subject: i.role === 'host' ? `${i.programmeTitle}: the cities visiting ${i.cityName}` : `${i.programmeTitle}: ${i.cityName} will visit ${i.hostName}`,
    text:
      `Hello ${i.name},\n\nthe matching of ${i.programmeTitle} is published. ${body}\n\n` +
      `The exact dates follow once the schedule is fixed. The study visit, its agenda and your delegation are here:\n${i.url}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}
