import type { Db } from '../db/client.ts';
import { plainText } from '../lib/rich-text.ts';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';
import { advanceDigestCursors, digestItems, digestRecipients } from '../modules/groups/digest.repository.ts';
import { digestDiscussions, digestEmail } from '../modules/groups/group-emails.ts';
import { digestNotifications, markDigested } from '../modules/notifications/notifications.repository.ts';

/** People per batch of the daily digest: memory holds one batch's posts at a time. */
const DIGEST_BATCH = 200;

/**
 * Sends each member one email with the new posts of their groups since the
 * last digest (posts of the last day the first time), and, under "What
 * happened", the notifications each person chose to receive in the digest
 * (delivery 'digest', not yet emailed). A person who opted out of the group
 * posts still gets their digest notifications; a person with only those gets
 * a digest too. Pages through the
 * recipients in batches of DIGEST_BATCH by id, so memory stays flat however
 * many people there are; a post's excerpt is made once and shared by all
 * the members who receive it, and only for the latest few posts of each
 * discussion (digestDiscussions). Each batch's emails, cursors and the
 * notifications' emailed_at move in one transaction: a crash sends nobody's
 * digest twice, and a notification already marked (by an overlapping run)
 * is not sent again.
 */
export async function sendDailyDigests(db: Db, now: Date, publicUrl: string, batchSize = DIGEST_BATCH): Promise<number> {
  const defaultSince = new Date(now.getTime() - 24 * 3600 * 1000);
  const excerpts = new Map<string, string>();
  const excerpt = (postId: string, html: string) => {
    let text = excerpts.get(postId);
    if (text === undefined) {
      // Bounded: the posts of a day, at most 20,000 excerpts kept.
      if (excerpts.size >= 20_000) excerpts.clear();
      text = plainText(html, 160);
      excerpts.set(postId, text);
    }
    return text;
  };
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const people = await digestRecipients(db, after, batchSize);
    const last = people.at(-1);
    if (!last) break;
    after = last.id;
    const withPosts = people.filter((p) => p.posts).map((p) => p.id);
    const [items, waiting] = await Promise.all([digestItems(db, withPosts, now, defaultSince), digestNotifications(db, people.map((p) => p.id), now)]);
    const byPerson = new Map<string, typeof items>();
    for (const item of items) {
      const list = byPerson.get(item.person_id);
      if (list) list.push(item);
      else byPerson.set(item.person_id, [item]);
    }
    const happeningsOf = new Map<string, typeof waiting>();
    for (const n of waiting) {
      const list = happeningsOf.get(n.person_id);
      if (list) list.push(n);
      else happeningsOf.set(n.person_id, [n]);
    }
    const digests = people.flatMap((person) => {
      const posts = byPerson.get(person.id) ?? [];
      const happenings = happeningsOf.get(person.id) ?? [];
      if (!posts.length && !happenings.length) return [];
      const discussions = digestDiscussions(
        posts.map((p) => ({ group: p.group_name, threadId: p.thread_id, thread: p.thread_title, postId: p.post_id, author: p.author ?? 'Someone', bodyHtml: p.body_html })),
        (threadId) => `${publicUrl}/discussions/${threadId}`,
        excerpt,
      );
      return [{ person, posts: posts.length > 0, discussions, happenings }];
    });
    if (!digests.length) continue;
    const emailed = await db.transaction().execute(async (trx) => {
      // Claim the notifications first: those another run marked meanwhile stay out of this email.
      const claimed = new Set(await markDigested(trx, digests.flatMap((d) => d.happenings.map((h) => h.id)), now));
      let count = 0;
      for (const d of digests) {
        const happenings = d.happenings.filter((h) => claimed.has(h.id));
        if (!d.posts && !happenings.length) continue;
        await enqueueEmail(
          trx,
          digestEmail({
            to: d.person.email,
            name: d.person.name,
            discussions: d.discussions,
            happenings: happenings.map((h) => ({ title: h.title, url: `${publicUrl}${h.link}` })),
            preferencesUrl: d.posts ? `${publicUrl}/account` : `${publicUrl}/account/notifications`,
          }),
        );
        count += 1;
      }
      await advanceDigestCursors(
        trx,
        digests.filter((d) => d.posts).map((d) => d.person.id),
        now,
      );
      return count;
    });
    sent += emailed;
    if (people.length < batchSize) break;
  }
  return sent;
}
