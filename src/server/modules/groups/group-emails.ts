import type { OutgoingEmail } from '../email/outbox.repository.ts';

/** A meeting's .ics file, the link its invitation and its reminder give. */
export const meetingCalendarUrl = (publicUrl: string, meetingId: string) => `${publicUrl}/api/meetings/${meetingId}/calendar.ics`;

const format = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);

export function meetingInvitationEmail(i: {
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
      `Hello ${i.name},\n\nyou are invited to the next meeting of ${i.groupName}: ${i.title}.\n\n` +
      `When: ${format(i.startsAt, i.timeZone)} (${i.timeZone} time), ${i.durationMinutes} minutes\n` +
      (i.joinUrl ? `Join: ${i.joinUrl}\n` : '') +
      `Add it to your calendar: ${i.icsUrl}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}

/** Posts of one discussion shown in a digest; the others are counted, with the link to read them all. */
export const DIGEST_POSTS_PER_DISCUSSION = 5;

/** A new post for one person's digest, as digestItems finds it. */
export interface DigestPost {
  group: string;
  threadId: string;
  thread: string;
  postId: string;
  author: string;
  bodyHtml: string;
}

/** One discussion in a digest: how many posts are new, and the latest few. */
interface DigestDiscussion {
  group: string;
  title: string;
  url: string;
  newPosts: number;
  latest: { author: string; excerpt: string }[];
}

/**
 * A person's new posts, ordered by group and then discussion (oldest post
 * first within one), as discussions: each keeps the excerpts of its latest
 * DIGEST_POSTS_PER_DISCUSSION posts. `excerpt` is asked only for those, so
 * a busy discussion costs no more to summarise than a quiet one.
 */
export function digestDiscussions(posts: readonly DigestPost[], urlOf: (threadId: string) => string, excerpt: (postId: string, html: string) => string): DigestDiscussion[] {
  const runs: DigestPost[][] = [];
  for (const post of posts) {
    const run = runs.at(-1);
    if (run?.[0]?.threadId === post.threadId) run.push(post);
    else runs.push([post]);
  }
  return runs.flatMap((run) => {
    const first = run[0];
    if (!first) return [];
    return [
      {
        group: first.group,
        title: first.thread,
        url: urlOf(first.threadId),
        newPosts: run.length,
        latest: run.slice(-DIGEST_POSTS_PER_DISCUSSION).map((p) => ({ author: p.author, excerpt: excerpt(p.postId, p.bodyHtml) })),
      },
    ];
  });
}

const newPosts = (n: number) => `${n} new post${n === 1 ? '' : 's'}`;

/** A notification a person chose to receive in the daily digest: its title and where it leads. */
export interface DigestHappening {
  title: string;
  url: string;
}

const notifications = (n: number) => (n === 1 ? '1 notification' : `${n} notifications`);

/**
 * One person's daily digest: the new posts of their groups (none when they
 * opted out of those) and, under "What happened", the notifications they
 * chose to receive in the digest.
 */
export function digestEmail(i: { to: string; name: string; discussions: readonly DigestDiscussion[]; happenings?: readonly DigestHappening[]; preferencesUrl: string }): OutgoingEmail {
  const byGroup = new Map<string, DigestDiscussion[]>();
  for (const d of i.discussions) {
    const list = byGroup.get(d.group);
    if (list) list.push(d);
    else byGroup.set(d.group, [d]);
  }
  const discussion = (d: DigestDiscussion) => {
    const more = d.latest.length < d.newPosts;
    const shown = more ? `${newPosts(d.newPosts)}, the latest ${d.latest.length}` : newPosts(d.newPosts);
    const lines = d.latest.map((p) => `    • ${p.author}: ${p.excerpt}`);
    return [`  “${d.title}”: ${shown}`, ...lines, `    ${more ? 'Read them all' : 'Read'}: ${d.url}`].join('\n');
  };
  const sections = [...byGroup].map(([group, discussions]) => `${group}\n${discussions.map(discussion).join('\n\n')}`);
  const total = i.discussions.reduce((sum, d) => sum + d.newPosts, 0);
  const happenings = i.happenings ?? [];
  const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';
  const whatHappened = happenings.length ? `What happened\n${happenings.map((h) => `  • ${h.title}\n    ${h.url}`).join('\n')}` : '';
  if (!happenings.length)
    return {
      to: i.to,
      subject: `peercities: ${newPosts(total)} in your discussion groups`,
      text:
        `Hello ${i.name},\n\nhere is what was posted in your groups since the last digest.\n\n${sections.join('\n\n')}\n\n` +
        `You receive this daily digest because you take part in these groups. To stop it, change your preferences: ${i.preferencesUrl}${signature}`,
    };
  if (!total)
    return {
      to: i.to,
      subject: `peercities: ${notifications(happenings.length)} since the last digest`,
      text:
        `Hello ${i.name},\n\nhere is what happened since the last digest.\n\n${whatHappened}\n\n` +
        `You receive these in a daily digest because you chose so for these kinds of notification. To change it: ${i.preferencesUrl}${signature}`,
    };
  return {
    to: i.to,
    subject: `peercities: ${newPosts(total)} in your discussion groups, ${notifications(happenings.length)}`,
    text:
      `Hello ${i.name},\n\nhere is what happened and what was posted in your groups since the last digest.\n\n${whatHappened}\n\n${sections.join('\n\n')}\n\n` +
      `You receive this daily digest because you take part in these groups and chose it for some kinds of notification. To change it: ${i.preferencesUrl}${signature}`,
  };
}

export function meetingReminderEmail(i: { to: string; name: string; groupName: string; title: string; startsAt: Date; timeZone: string; joinUrl: string | null; icsUrl: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `Tomorrow: ${i.groupName}, ${i.title}`,
    text:
      `Hello ${i.name},\n\na reminder of the next meeting of ${i.groupName}: “${i.title}”, ${format(i.startsAt, i.timeZone)} (${i.timeZone} time).\n` +
      (i.joinUrl ? `Join: ${i.joinUrl}\n` : '') +
      `Calendar: ${i.icsUrl}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}

/** To a representative of a city mentioned in a discussion, when they chose to hear of mentions at once. */
export function mentionEmail(i: { to: string; name: string; cityName: string; author: string; groupName: string; threadTitle: string; url: string }): OutgoingEmail {
  return {
    to: i.to,
    subject: `${i.groupName}: ${i.cityName} mentioned in “${i.threadTitle}”`,
    text:
      `Hello ${i.name},\n\n${i.author} mentioned ${i.cityName} in the discussion “${i.threadTitle}” of ${i.groupName}.\n\n` +
      `Read it and answer: ${i.url}\n\n—\npeercities: city-to-city learning for climate neutrality`,
  };
}
