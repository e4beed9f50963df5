import type { Db } from '../db/client.ts';
import { plainText } from '../lib/rich-text.ts';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';
import { advanceDigestCursors, digestItems, digestRecipients } from '../modules/groups/digest.repository.ts';
import { digestDiscussions, digestEmail } from '../modules/groups/group-emails.ts';

/** People per batch of the daily digest: memory holds one batch's posts at a time. */
const DIGEST_BATCH = 200;

/**
 * Sends each member one email with the new posts of their groups since the
 * last digest (posts of the last day the first time). Pages through the
 * recipients in batches of DIGEST_BATCH by id, so memory stays flat however
 * many people there are; a post's excerpt is made once and shared by all
 * the members who receive it, and only for the latest few posts of each
 * discussion (digestDiscussions). Each batch's emails and cursors move in one
 * transaction: a crash sends nobody's digest twice.
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
    const items = await digestItems(
      db,
      people.map((p) => p.id),
      now,
      defaultSince,
    );
    const byPerson = new Map<string, typeof items>();
    for (const item of items) {
      const list = byPerson.get(item.person_id);
      if (list) list.push(item);
      else byPerson.set(item.person_id, [item]);
    }
    const emails = people.flatMap((person) => {
      const posts = byPerson.get(person.id);
      if (!posts?.length) return [];
      const discussions = digestDiscussions(
        posts.map((p) => ({ group: p.group_name, threadId: p.thread_id, thread: p.thread_title, postId: p.post_id, author: p.author ?? 'Someone', bodyHtml: p.body_html })),
        (threadId) => `${publicUrl}/discussions/${threadId}`,
        excerpt,
      );
      return [{ personId: person.id, email: digestEmail({ to: person.email, name: person.name, discussions, preferencesUrl: `${publicUrl}/account` }) }];
    });
    if (!emails.length) continue;
    await db.transaction().execute(async (trx) => {
      for (const e of emails) await enqueueEmail(trx, e.email);
      await advanceDigestCursors(
        trx,
        emails.map((e) => e.personId),
        now,
      );
    });
    sent += emails.length;
    if (people.length < batchSize) break;
  }
  return sent;
}
