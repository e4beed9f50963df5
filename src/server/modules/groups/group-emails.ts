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

export function digestEmail(i: { to: string; name: string; posts: { group: string; thread: string; author: string; excerpt: string; url: string }[]; preferencesUrl: string }): OutgoingEmail {
  const byGroup = new Map<string, typeof i.posts>();
  for (const p of i.posts) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]);
  const sections = [...byGroup].map(([group, posts]) => `${group}\n${posts.map((p) => `  • ${p.author} in “${p.thread}”: ${p.excerpt}\n    ${p.url}`).join('\n')}`);
  return {
    to: i.to,
    subject: `peercities: ${i.posts.length} new post${i.posts.length === 1 ? '' : 's'} in your discussion groups`,
    text:
      `Hello ${i.name},\n\nhere is what was posted in your groups since the last digest.\n\n${sections.join('\n\n')}\n\n` +
      `You receive this daily digest because you take part in these groups. To stop it, change your preferences: ${i.preferencesUrl}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}

export function sessionReminderEmail(i: { to: string; name: string; groupName: string; title: string; startsAt: Date; timeZone: string; joinUrl: string | null; icsUrl: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `Tomorrow: ${i.groupName}, ${i.title}`,
    text:
      `Hello ${i.name},\n\na reminder: ${i.groupName} meets for “${i.title}” on ${format(i.startsAt, i.timeZone)} (${i.timeZone} time).\n` +
      (i.joinUrl ? `Join: ${i.joinUrl}\n` : '') +
      `Calendar: ${i.icsUrl}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}
