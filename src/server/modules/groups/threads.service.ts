import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { sanitizeRichText } from '../../lib/rich-text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify, representativesOf } from '../notifications/notify.ts';
import { mentionEmail } from './group-emails.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type { PersonLabel, PersonLabels } from '../people/person-labels.ts';
import { groupStanding } from './groups.repository.ts';
import { mayModerate, mayPost, mayTakePart } from './groups.policy.ts';
import {
  admittedCitiesOfGroup,
  citiesByIds,
  countThreads,
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

const POSTS_PER_PAGE = 50;

const noThread = () => new AppError('NOT_FOUND', reason('THREAD_NOT_FOUND_OR_PRIVATE'));

/** Threads are private to the group's members, facilitators and programme managers. */
async function access(db: Db, groupId: string, user: CurrentUser) {
  const standing = await groupStanding(db, groupId, user.id);
  // The same answer as for a missing group: outsiders learn nothing.
  if (!standing || !mayTakePart(user, standing)) throw noThread();
  return { moderate: mayModerate(user, standing) };
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
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', reason('MENTIONS_UNKNOWN'), { errors: [fieldError('body.mentionedCityIds', reason('MENTIONS_FROM_LIST'))] });
  return found;
}

function cleanBody(body: string) {
  const html = sanitizeRichText(body);
  if (!html) throw new AppError('VALIDATION_FAILED', reason('POST_EMPTY_WHEN_CLEANED'), { errors: [fieldError('body.body', reason('POST_WRITE_TEXT'))] });
  return html;
}

/**
 * Tells the representatives of each mentioned city (kind 'mention') that
 * their city was named in the discussion, in the transaction of the post.
 * Only cities admitted to the group are told: the others could not open the
 * discussion. The author is never told of their own post.
 */
async function notifyMentions(db: Db, m: { groupId: string; threadId: string; threadTitle: string; cityIds: readonly string[]; author: CurrentUser; publicUrl: string }) {
  const cities = await admittedCitiesOfGroup(db, m.groupId, m.cityIds);
  for (const city of cities) {
    const people = (await representativesOf(db, [city.id])).filter((id) => id !== m.author.id);
    await notify(db, {
      kind: 'mention',
      personIds: people,
      title: `${city.name} was mentioned in “${m.threadTitle}”`,
      body: `${m.author.name} in ${city.group_name}`,
      link: `/discussions/${m.threadId}`,
      email: (r) =>
        mentionEmail({ to: r.email, name: r.name, cityName: city.name, author: m.author.name, groupName: city.group_name, threadTitle: m.threadTitle, url: `${m.publicUrl}/discussions/${m.threadId}` }),
    });
  }
}

export async function createThread(db: Db, labels: PersonLabels, input: { groupId: string; title: string; body: string; mentionedCityIds: string[]; user: CurrentUser; ip: string; publicUrl: string }) {
  await access(db, input.groupId, input.user);
  const html = cleanBody(input.body);
  const mentions = (await validMentions(db, input.mentionedCityIds)).map((c) => c.id);
  const id = await db.transaction().execute(async (trx) => {
    const threadId = await insertThread(trx, { groupId: input.groupId, title: input.title, by: input.user.id });
    const first = await addPost(trx, { threadId, authorId: input.user.id, isManager: hasRole(input.user, 'programme_manager'), bodyHtml: html, mentionedCities: mentions, replyTo: null });
    if (!first?.post_id) throw new Error('the first post of a new thread was refused');
    await notifyMentions(trx, { groupId: input.groupId, threadId, threadTitle: input.title, cityIds: mentions, author: input.user, publicUrl: input.publicUrl });
    return threadId;
  });
  return readThread(db, labels, id, input.user, 1);
}

/**
 * The thread and whether the user may moderate it, in one query (with `page`,
 * that page of posts too); outsiders get the same answer as for a missing thread.
 */
async function threadWithAccess(db: Db, threadId: string, user: CurrentUser, page?: number) {
  const found = await findThreadFor(db, threadId, user.id, page === undefined ? undefined : { limit: POSTS_PER_PAGE, offset: (page - 1) * POSTS_PER_PAGE });
  if (!found || !mayTakePart(user, found)) throw noThread();
  return { thread: found, moderate: mayModerate(user, found) };
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
export async function reply(db: Db, labels: PersonLabels, input: { threadId: string; body: string; replyTo: string | null; mentionedCityIds: string[]; user: CurrentUser; ip: string; publicUrl: string }) {
  const html = cleanBody(input.body);
  const mentions = await validMentions(db, input.mentionedCityIds);
  const mentionIds = mentions.map((c) => c.id);
  const isManager = hasRole(input.user, 'programme_manager');
  // The post and the notifications of its mentions are stored together, or neither.
  const added = await db.transaction().execute(async (trx) => {
    const row = await addPost(trx, { threadId: input.threadId, authorId: input.user.id, isManager, bodyHtml: html, mentionedCities: mentionIds, replyTo: input.replyTo });
    if (!row || !mayPost(input.user, row)) throw noThread();
    if (row.closed) throw new AppError('CONFLICT', reason('THREAD_CLOSED'));
    if (!row.reply_to_ok) throw new AppError('VALIDATION_FAILED', reason('REPLY_SAME_THREAD_ONLY'), { errors: [fieldError('body.replyTo', reason('REPLY_NOT_IN_THREAD'))] });
    if (!row.post_id || !row.post_created_at || row.new_post_count === null || row.new_last_post_at === null) throw new Error('the reply was allowed but not stored');
    await notifyMentions(trx, { groupId: row.group_id, threadId: row.id, threadTitle: row.title, cityIds: mentionIds, author: input.user, publicUrl: input.publicUrl });
    return { ...row, post_id: row.post_id, post_created_at: row.post_created_at, new_post_count: row.new_post_count, new_last_post_at: row.new_last_post_at };
  });
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
  if (!thread) throw new AppError('NOT_FOUND', reason('THREAD_NOT_FOUND'));
  const { moderate: allowed } = await access(db, thread.group_id, input.user);
  if (!allowed) throw new AppError('FORBIDDEN', reason('THREAD_MODERATORS_ONLY'));
  await db.transaction().execute(async (trx) => {
    await moderateThread(trx, thread.id, input);
    await recordAudit(trx, { actorId: input.user.id, action: 'thread.moderate', entityType: 'thread', entityId: thread.id, ip: input.ip, details: { before: { pinned: thread.pinned, closed: thread.closed }, after: { pinned: input.pinned ?? thread.pinned, closed: input.closed ?? thread.closed } } });
  });
  return readThread(db, labels, thread.id, input.user, 1);
}

/** Hides a post from the group; the text stays for the audit, with who hid it and why. */
export async function hide(db: Db, labels: PersonLabels, input: { postId: string; reason: string; user: CurrentUser; ip: string }) {
  const post = await findPost(db, input.postId);
  if (!post) throw new AppError('NOT_FOUND', reason('POST_NOT_FOUND'));
  const { moderate: allowed } = await access(db, post.group_id, input.user);
  if (!allowed) throw new AppError('FORBIDDEN', reason('POST_MODERATORS_ONLY'));
  if (post.hidden_at) throw new AppError('CONFLICT', reason('POST_ALREADY_HIDDEN'));
  await db.transaction().execute(async (trx) => {
    await hidePost(trx, post.id, input.user.id, input.reason);
    await recordAudit(trx, { actorId: input.user.id, action: 'post.hide', entityType: 'post', entityId: post.id, ip: input.ip, details: { reason: input.reason, threadId: post.thread_id } });
  });
  return readThread(db, labels, post.thread_id, input.user, 1);
}
