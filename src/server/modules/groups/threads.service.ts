import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { plainText, sanitizeRichText } from '../../lib/rich-text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { digestDiscussions, digestEmail } from './group-emails.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type { PersonLabel, PersonLabels } from '../people/person-labels.ts';
import { groupAccess } from './groups.repository.ts';
import {
  advanceDigestCursors,
  citiesByIds,
  countThreads,
  digestItems,
  digestRecipients,
  findPost,
  findThread,
  findThreadFor,
  hidePost,
  addPost,
  insertThread,
  moderateThread,
  threadsOfGroup,
  type PostRow,
} from './threads.repository.ts';

export const POSTS_PER_PAGE = 50;

/** Threads are private to the group's members, facilitators and programme managers. */
async function access(db: Db, groupId: string, user: CurrentUser) {
  const found = await groupAccess(db, groupId, user.id);
  const moderate = Boolean(found && (hasRole(user, 'programme_manager') || found.facilitates));
  // The same answer as for a missing group: outsiders learn nothing.
  if (!found || !(moderate || found.member)) throw new AppError('NOT_FOUND', 'There is no such discussion, or it is private to its group.');
  return { moderate };
}

type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;
const presentThread = (t: ThreadRow) => ({
  id: t.id,
  groupId: t.group_id,
  title: t.title,
  pinned: t.pinned,
  closed: t.closed,
  postCount: t.post_count,
  lastPostAt: new Date(t.last_post_at).toISOString(),
  createdBy: t.created_by_name,
});

export async function listThreads(db: Db, groupId: string, user: CurrentUser, page: number, pageSize: number) {
  await access(db, groupId, user);
  const [rows, total] = await Promise.all([threadsOfGroup(db, groupId, pageSize, (page - 1) * pageSize), countThreads(db, groupId)]);
  return { items: rows.map(presentThread), total, page, pageSize };
}

/** The mentioned cities, each once; refuses ids of cities that do not exist. */
async function validMentions(db: Db, ids: readonly string[]) {
  const found = await citiesByIds(db, [...new Set(ids)]);
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', 'Some mentioned cities do not exist.', { errors: [{ field: 'body.mentionedCityIds', message: 'Mention cities from the list.' }] });
  return found;
}

function cleanBody(body: string) {
  const html = sanitizeRichText(body);
  if (!html) throw new AppError('VALIDATION_FAILED', 'The post is empty once unsafe content is removed.', { errors: [{ field: 'body.body', message: 'Write some text (scripts and embedded content are removed).' }] });
  return html;
}

export async function createThread(db: Db, labels: PersonLabels, input: { groupId: string; title: string; body: string; mentionedCityIds: string[]; user: CurrentUser; ip: string }) {
  await access(db, input.groupId, input.user);
  const html = cleanBody(input.body);
  const mentions = (await validMentions(db, input.mentionedCityIds)).map((c) => c.id);
  const id = await db.transaction().execute(async (trx) => {
    const threadId = await insertThread(trx, { groupId: input.groupId, title: input.title, by: input.user.id });
    const first = await addPost(trx, { threadId, authorId: input.user.id, isManager: hasRole(input.user, 'programme_manager'), bodyHtml: html, mentionedCities: mentions, replyTo: null });
    if (!first?.post_id) throw new Error('the first post of a new thread was refused');
    return threadId;
  });
  return readThread(db, labels, id, input.user, 1);
}

const NO_THREAD = 'There is no such discussion, or it is private to its group.';

/**
 * The thread and whether the user may moderate it, in one query (with `page`,
 * that page of posts too); outsiders get the same answer as for a missing thread.
 */
async function threadWithAccess(db: Db, threadId: string, user: CurrentUser, page?: number) {
  const found = await findThreadFor(db, threadId, user.id, page === undefined ? undefined : { limit: POSTS_PER_PAGE, offset: (page - 1) * POSTS_PER_PAGE });
  const moderate = Boolean(found && (hasRole(user, 'programme_manager') || found.facilitates));
  if (!found || !(moderate || found.member)) throw new AppError('NOT_FOUND', NO_THREAD);
  return { thread: found, moderate };
}

async function mentionedCities(db: Db, posts: readonly PostRow[]) {
  const ids = [...new Set(posts.flatMap((p) => p.mentioned_cities))];
  return new Map((await citiesByIds(db, ids)).map((c) => [c.id, c]));
}

type CityLabel = Awaited<ReturnType<typeof citiesByIds>>[number];
const presentPost = (p: PostRow, author: PersonLabel | undefined, cities: ReadonlyMap<string, CityLabel>) => ({
  id: p.id,
  author: author?.name ?? null,
  authorCity: author?.city ?? null,
  bodyHtml: p.hidden_at ? null : p.body_html,
  mentionedCities: p.mentioned_cities.flatMap((id) => {
    const c = cities.get(id);
    return c ? [{ id: c.id, name: c.name, slug: c.slug }] : [];
  }),
  replyTo: p.reply_to,
  createdAt: new Date(p.created_at).toISOString(),
  hidden: p.hidden_at ? { reason: p.hidden_reason ?? '', at: new Date(p.hidden_at).toISOString() } : null,
});

/** The page of the thread holding its `n`th post (counting from 1). */
const pageOfPost = (n: number) => Math.max(1, Math.ceil(n / POSTS_PER_PAGE));

async function threadPage(db: Db, labels: PersonLabels, thread: ThreadRow, moderate: boolean, page: number, posts: readonly PostRow[]) {
  const [cities, authors] = await Promise.all([mentionedCities(db, posts), labels.of(db, posts.flatMap((p) => (p.author_id ? [p.author_id] : [])))]);
  return {
    thread: presentThread(thread),
    posts: posts.map((p) => presentPost(p, p.author_id ? authors.get(p.author_id) : undefined, cities)),
    total: thread.post_count,
    page,
    pageSize: POSTS_PER_PAGE,
    viewer: { canModerate: moderate, canPost: !thread.closed },
  };
}

export async function readThread(db: Db, labels: PersonLabels, threadId: string, user: CurrentUser, page: number) {
  const { thread, moderate } = await threadWithAccess(db, threadId, user, page);
  return threadPage(db, labels, thread, moderate, page, thread.posts);
}

/**
 * Adds the reply and answers it with the thread's new count and the page
 * that holds it. The access check and the insert are one statement
 * (addPost); a refused reply changes nothing, and the reason comes from the
 * same row.
 */
export async function reply(db: Db, labels: PersonLabels, input: { threadId: string; body: string; replyTo: string | null; mentionedCityIds: string[]; user: CurrentUser; ip: string }) {
  const html = cleanBody(input.body);
  const mentions = await validMentions(db, input.mentionedCityIds);
  const mentionIds = mentions.map((c) => c.id);
  const isManager = hasRole(input.user, 'programme_manager');
  const added = await addPost(db, { threadId: input.threadId, authorId: input.user.id, isManager, bodyHtml: html, mentionedCities: mentionIds, replyTo: input.replyTo });
  const moderate = Boolean(added && (isManager || added.facilitates));
  if (!added || !(moderate || added.member)) throw new AppError('NOT_FOUND', NO_THREAD);
  if (added.closed) throw new AppError('CONFLICT', 'A facilitator closed this discussion: it takes no more replies.');
  if (!added.reply_to_ok) throw new AppError('VALIDATION_FAILED', 'You can reply only to a post of this discussion.', { errors: [{ field: 'body.replyTo', message: 'Not a post of this discussion.' }] });
  if (!added.post_id || !added.post_created_at || added.new_post_count === null || added.new_last_post_at === null) throw new Error('the reply was allowed but not stored');
  const post: PostRow = {
    id: added.post_id,
    author_id: input.user.id,
    body_html: html,
    mentioned_cities: mentionIds,
    reply_to: input.replyTo,
    created_at: new Date(added.post_created_at).toISOString(),
    hidden_at: null,
    hidden_reason: null,
  };
  const author = (await labels.of(db, [input.user.id])).get(input.user.id);
  return {
    post: presentPost(post, author, new Map(mentions.map((c) => [c.id, c]))),
    thread: presentThread({ ...added, post_count: added.new_post_count, last_post_at: added.new_last_post_at }),
    page: pageOfPost(added.new_post_count),
  };
}

export async function moderate(db: Db, labels: PersonLabels, input: { threadId: string; pinned?: boolean | undefined; closed?: boolean | undefined; user: CurrentUser; ip: string }) {
  const thread = await findThread(db, input.threadId);
  if (!thread) throw new AppError('NOT_FOUND', 'There is no such discussion.');
  const { moderate: allowed } = await access(db, thread.group_id, input.user);
  if (!allowed) throw new AppError('FORBIDDEN', 'Only the group’s facilitators and programme managers can pin or close discussions.');
  await db.transaction().execute(async (trx) => {
    await moderateThread(trx, thread.id, input);
    await recordAudit(trx, { actorId: input.user.id, action: 'thread.moderate', entityType: 'thread', entityId: thread.id, ip: input.ip, details: { before: { pinned: thread.pinned, closed: thread.closed }, after: { pinned: input.pinned ?? thread.pinned, closed: input.closed ?? thread.closed } } });
  });
  return readThread(db, labels, thread.id, input.user, 1);
}

/** Hides a post from the group; the text stays for the audit, with who hid it and why. */
export async function hide(db: Db, labels: PersonLabels, input: { postId: string; reason: string; user: CurrentUser; ip: string }) {
  const post = await findPost(db, input.postId);
  if (!post) throw new AppError('NOT_FOUND', 'There is no such post.');
  const { moderate: allowed } = await access(db, post.group_id, input.user);
  if (!allowed) throw new AppError('FORBIDDEN', 'Only the group’s facilitators and programme managers can hide posts.');
  if (post.hidden_at) throw new AppError('CONFLICT', 'This post is already hidden.');
  await db.transaction().execute(async (trx) => {
    await hidePost(trx, post.id, input.user.id, input.reason);
    await recordAudit(trx, { actorId: input.user.id, action: 'post.hide', entityType: 'post', entityId: post.id, ip: input.ip, details: { reason: input.reason, threadId: post.thread_id } });
  });
  return readThread(db, labels, post.thread_id, input.user, 1);
}

/** People per batch of the daily digest: memory holds one batch's posts at a time. */
export const DIGEST_BATCH = 200;

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
