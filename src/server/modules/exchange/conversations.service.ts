import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { MESSAGES_PER_PAGE, type ConversationPage, type ConversationSummary, type Message, type StartConversationBody } from '../../../shared/exchange.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { plainText, sanitizeRichText } from '../../lib/rich-text.ts';
import { notify, programmeTeam, representativesOf } from '../notifications/notify.ts';
import { actingParty, actingPartyAmong, citiesOf } from './conversation-access.ts';
import { presentAbout, presentMessage, presentParty, partyLabel } from './conversations.presenter.ts';
import {
  attachmentsOf,
  blockedBy,
  conversationHead,
  inboxCount,
  inboxPage,
  insertMessage,
  isArchived,
  markRead,
  messageById,
  messageCursor,
  messagesPage,
  partiesOf,
  setArchived,
  type Box,
  type MessageRow,
  type PartyRow,
} from './conversations.repository.ts';
import { conversationPath, conversationUrl, newMessageEmail } from './exchange-emails.ts';

const notFound = () => new AppError('NOT_FOUND', reason('CONVERSATION_NOT_FOUND'));
const seesHidden = (user: CurrentUser) => hasRole(user, 'programme_manager');

/** The message as stored: sanitised as group posts are, and its plain text for search. */
function cleanBody(body: string, field = 'body.body') {
  const html = sanitizeRichText(body);
  const text = plainText(html, 20000);
  if (!html || !text) throw new AppError('VALIDATION_FAILED', reason('MESSAGE_EMPTY_WHEN_CLEANED'), { errors: [fieldError(field, reason('MESSAGE_EMPTY_WHEN_CLEANED'))] });
  return { html, text };
}

/** The inbox the person looks at: one of their cities (the first unless `cityId`), else the programme team's, else their own as expert. */
function boxOf(user: CurrentUser, cityId: string | undefined): Box {
  const cities = citiesOf(user);
  if (cityId) {
    if (!cities.includes(cityId)) throw new AppError('NOT_FOUND', reason('INBOX_NOT_YOURS'));
    return { kind: 'city', cityId };
  }
  if (cities[0]) return { kind: 'city', cityId: cities[0] };
  if (hasRole(user, 'programme_manager')) return { kind: 'programme_team' };
  return { kind: 'expert', personId: user.id };
}

export async function listInbox(db: Db, user: CurrentUser, query: { cityId?: string; archived: boolean; q?: string; page: number; pageSize: number }) {
  const box = boxOf(user, query.cityId);
  const q = query.q?.trim() || undefined;
  const filter = { box, personId: user.id, archived: query.archived, q, seesHidden: seesHidden(user) };
  // One statement: the page with its parties, about-cards and the total. An
  // empty first page means an empty inbox; past the last page, count apart.
  const rows = await inboxPage(db, { ...filter, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const total = rows[0]?.total ?? (query.page > 1 ? await inboxCount(db, filter) : 0);
  const items: ConversationSummary[] = rows.map((r) => {
    const mine = r.parties.find((p) => p.id === r.party_id);
    if (!mine) throw new Error('an inbox row without its party');
    return {
      id: r.conversation_id,
      subject: r.subject,
      about: presentAbout(r),
      others: r.parties.filter((p) => p.id !== r.party_id).map(presentParty),
      mine: presentParty(mine),
      lastMessageAt: new Date(r.last_message_at).toISOString(),
      lastMessage:
        r.last_body === null
          ? null
          : { excerpt: r.last_hidden && !filter.seesHidden ? '' : plainText(r.last_body, 140), author: r.last_author_erased ? null : r.last_author, hidden: r.last_hidden === true },
      unread: r.unread,
      archived: r.archived,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The party that writes a new conversation: the chosen city, else the first city, else the programme team, else the expert. */
function startingParty(user: CurrentUser, fromCityId: string | null): { kind: 'city'; cityId: string } | { kind: 'programme_team' } | { kind: 'expert' } {
  const cities = citiesOf(user);
  if (fromCityId) {
    if (!cities.includes(fromCityId)) throw new AppError('VALIDATION_FAILED', reason('INBOX_NOT_YOURS'), { errors: [fieldError('body.fromCityId', reason('INBOX_NOT_YOURS'))] });
    return { kind: 'city', cityId: fromCityId };
  }
  if (cities[0]) return { kind: 'city', cityId: cities[0] };
  if (hasRole(user, 'programme_manager')) return { kind: 'programme_team' };
  if (hasRole(user, 'expert')) return { kind: 'expert' };
  throw new AppError('FORBIDDEN', reason('INBOX_NOT_YOURS'));
}

const recipientsError = () =>
  new AppError('VALIDATION_FAILED', reason('CONVERSATION_RECIPIENTS'), { errors: [fieldError('body.toCityIds', reason('CONVERSATION_RECIPIENTS'))] });

/** Whether the person's city takes part in the visit (host or visitor), or they facilitate it, or manage the programme. */
async function takesPartInVisit(db: Db, user: CurrentUser, visitId: string): Promise<boolean> {
  const visit = await db.selectFrom('study_visits').select(['id', 'host_city_id', 'facilitator_id']).where('id', '=', visitId).executeTakeFirst();
  if (!visit) return false;
  if (hasRole(user, 'programme_manager') || visit.facilitator_id === user.id) return true;
  const cities = citiesOf(user);
  if (cities.includes(visit.host_city_id)) return true;
  if (!cities.length) return false;
  const row = await db.selectFrom('visit_participants').select('city_id').where('visit_id', '=', visitId).where('city_id', 'in', cities).executeTakeFirst();
  return row !== undefined;
}

async function checkAbout(db: Db, user: CurrentUser, about: StartConversationBody['about']) {
  const bad = () => new AppError('VALIDATION_FAILED', reason('CONVERSATION_ABOUT_UNKNOWN'), { errors: [fieldError('body.about.id', reason('CONVERSATION_ABOUT_UNKNOWN'))] });
  if (about.kind === 'topic') return { about_kind: 'topic' as const, about_solution_id: null, about_city_id: null, about_visit_id: null };
  if (!about.id) throw bad();
  if (about.kind === 'solution') {
    const s = await db.selectFrom('solutions').select(['id', 'status', 'city_id']).where('id', '=', about.id).executeTakeFirst();
    if (!s || (s.status !== 'published' && !citiesOf(user).includes(s.city_id))) throw bad();
    return { about_kind: 'solution' as const, about_solution_id: s.id, about_city_id: null, about_visit_id: null };
  }
  if (about.kind === 'city') {
    const c = await db.selectFrom('cities').select('id').where('id', '=', about.id).executeTakeFirst();
    if (!c) throw bad();
    return { about_kind: 'city' as const, about_solution_id: null, about_city_id: c.id, about_visit_id: null };
  }
  if (!(await takesPartInVisit(db, user, about.id))) throw bad();
  return { about_kind: 'visit' as const, about_solution_id: null, about_city_id: null, about_visit_id: about.id };
}

/** Everyone who hears of a message written for `fromPartyId`: the people of every other party, never the author. */
async function peopleOfOtherParties(db: Db, parties: readonly PartyRow[], fromPartyId: string, authorId: string): Promise<string[]> {
  const others = parties.filter((p) => p.id !== fromPartyId);
  const cityIds = others.flatMap((p) => (p.kind === 'city' && p.city_id ? [p.city_id] : []));
  const [reps, team] = await Promise.all([representativesOf(db, cityIds), others.some((p) => p.kind === 'programme_team') ? programmeTeam(db) : Promise.resolve([])]);
  const experts = others.flatMap((p) => (p.kind === 'expert' && p.person_id ? [p.person_id] : []));
  return [...new Set([...reps, ...team, ...experts])].filter((id) => id !== authorId);
}

/** Tells the other parties' people of a new message; `parties` are all the conversation's parties (partiesOf). */
async function notifyMessage(db: Db, input: { conversationId: string; parties: readonly PartyRow[]; subject: string; fromPartyId: string; author: CurrentUser; excerpt: string; publicUrl: string; first: boolean }) {
  const { parties } = input;
  const from = parties.find((p) => p.id === input.fromPartyId);
  const fromName = from ? partyLabel(from) : input.author.name;
  const personIds = await peopleOfOtherParties(db, parties, input.fromPartyId, input.author.id);
  const url = conversationUrl(input.publicUrl, input.conversationId);
  await notify(db, {
    kind: 'message',
    personIds,
    title: input.first ? `${fromName} wrote to you: ${input.subject}` : `${fromName} answered: ${input.subject}`,
    body: input.excerpt,
    link: conversationPath(input.conversationId),
    email: (r) => newMessageEmail({ name: r.name, from: fromName, author: input.author.name, subject: input.subject, excerpt: input.excerpt, url, first: input.first }),
  });
}

export async function startConversation(db: Db, input: { body: StartConversationBody; user: CurrentUser; publicUrl: string }) {
  const { body, user } = input;
  const from = startingParty(user, body.fromCityId);
  const recipientKinds = [body.toCityIds.length > 0, body.toProgrammeTeam, body.toExpertId !== null].filter(Boolean).length;
  if (recipientKinds !== 1) throw recipientsError();
  const toCityIds = [...new Set(body.toCityIds)].filter((id) => !(from.kind === 'city' && id === from.cityId));
  if (body.toCityIds.length && !toCityIds.length) throw recipientsError();
  if (body.toProgrammeTeam && from.kind === 'programme_team') throw recipientsError();
  if (toCityIds.length) {
    const found = await db.selectFrom('cities').select('id').where('id', 'in', toCityIds).execute();
    if (found.length !== toCityIds.length) throw recipientsError();
  }
  if (body.toExpertId) {
    const expert = await db
      .selectFrom('role_grants as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .select('p.id')
      .where('g.role', '=', 'expert')
      .where('p.id', '=', body.toExpertId)
      .where('p.disabled_at', 'is', null)
      .where('p.erased_at', 'is', null)
      .executeTakeFirst();
    if (!expert || expert.id === user.id) throw recipientsError();
  }
  const about = await checkAbout(db, user, body.about);
  const { html, text } = cleanBody(body.body);
  // A blocked city learns only that it cannot write: not who blocked it.
  if (from.kind === 'city' && (await blockedBy(db, from.cityId, toCityIds))) throw new AppError('CONFLICT', reason('CONVERSATION_NOT_ACCEPTED'));

  const id = await db.transaction().execute(async (trx) => {
    const conversation = await trx
      .insertInto('conversations')
      .values({ subject: body.subject, started_by: user.id, ...about })
      .returning('id')
      .executeTakeFirstOrThrow();
    const own = await trx
      .insertInto('conversation_parties')
      .values({ conversation_id: conversation.id, kind: from.kind, city_id: from.kind === 'city' ? from.cityId : null, person_id: from.kind === 'expert' ? user.id : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const others = [
      ...toCityIds.map((cityId) => ({ conversation_id: conversation.id, kind: 'city' as const, city_id: cityId, person_id: null })),
      ...(body.toProgrammeTeam ? [{ conversation_id: conversation.id, kind: 'programme_team' as const, city_id: null, person_id: null }] : []),
      ...(body.toExpertId ? [{ conversation_id: conversation.id, kind: 'expert' as const, city_id: null, person_id: body.toExpertId }] : []),
    ];
    await trx.insertInto('conversation_parties').values(others).execute();
    await insertMessage(trx, { conversationId: conversation.id, partyId: own.id, authorId: user.id, bodyHtml: html, bodyText: text });
    await notifyMessage(trx, { conversationId: conversation.id, parties: await partiesOf(trx, [conversation.id]), subject: body.subject, fromPartyId: own.id, author: user, excerpt: plainText(html, 200), publicUrl: input.publicUrl, first: true });
    return conversation.id;
  });
  return readConversation(db, { conversationId: id, user, asCityId: from.kind === 'city' ? from.cityId : undefined });
}

/**
 * The page of a conversation: its parties, the about-card, one page of
 * messages (the latest unless `before`); reading the latest page marks it
 * read. Three statements: the parties (which also decide access), then the
 * head and the messages side by side.
 */
export async function readConversation(db: Db, input: { conversationId: string; user: CurrentUser; before?: string; asCityId?: string }): Promise<ConversationPage> {
  const parties = await partiesOf(db, [input.conversationId]);
  const party = actingPartyAmong(parties, input.user, input.asCityId);
  const before = input.before ? await messageCursor(db, input.conversationId, input.before) : null;
  if (input.before && !before) throw notFound();
  const otherCityIds = parties.flatMap((p) => (p.kind === 'city' && p.city_id && p.id !== party.partyId ? [p.city_id] : []));
  const [head, rows] = await Promise.all([
    conversationHead(db, { conversationId: input.conversationId, personId: input.user.id, cityId: party.cityId, otherCityIds }),
    messagesPage(db, input.conversationId, MESSAGES_PER_PAGE + 1, before, input.before ? null : input.user.id),
  ]);
  if (!head) throw notFound();
  const page = rows.slice(0, MESSAGES_PER_PAGE).reverse();
  const olderCursor = rows.length > MESSAGES_PER_PAGE ? (page[0]?.id ?? null) : null;
  const viewer = { personId: input.user.id, seesHidden: seesHidden(input.user) };
  return {
    conversation: {
      id: head.id,
      subject: head.subject,
      about: presentAbout(head),
      parties: parties.map(presentParty),
      myPartyId: party.partyId,
      createdAt: new Date(head.created_at).toISOString(),
      archived: head.archived,
    },
    messages: page.map((m) => presentMessage(m, viewer, m.files)),
    olderCursor,
    blockedCityIds: head.blocked_city_ids,
  };
}

/** One message as its conversation page shows it. */
export async function presentOne(db: Db, messageId: string, user: CurrentUser): Promise<Message> {
  const [row, files] = await Promise.all([messageById(db, messageId), attachmentsOf(db, [messageId])]);
  if (!row) throw notFound();
  return presentMessage(row, { personId: user.id, seesHidden: seesHidden(user) }, files);
}

/**
 * Writes a message and tells the other parties, in one transaction. The
 * conversation's parties are read once (for the access check and the
 * notifications), and the answer is made from what was written: a new
 * message has no attachments yet and its author is the caller.
 */
export async function sendMessage(db: Db, input: { conversationId: string; body: string; asCityId: string | null; user: CurrentUser; publicUrl: string }): Promise<Message> {
  const { user } = input;
  const parties = await partiesOf(db, [input.conversationId]);
  const party = actingPartyAmong(parties, user, input.asCityId);
  const { html, text } = cleanBody(input.body);
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await insertMessage(trx, { conversationId: input.conversationId, partyId: party.partyId, authorId: user.id, bodyHtml: html, bodyText: text });
    if (!row) throw notFound();
    await notifyMessage(trx, { conversationId: input.conversationId, parties, subject: row.subject, fromPartyId: party.partyId, author: user, excerpt: plainText(html, 200), publicUrl: input.publicUrl, first: false });
    return row;
  });
  const written: MessageRow = {
    id: inserted.id,
    conversation_id: input.conversationId,
    party_id: party.partyId,
    author_id: user.id,
    author_name: user.name,
    author_disabled: false,
    author_erased: false,
    party_city: parties.find((p) => p.id === party.partyId)?.city_name ?? null,
    party_kind: party.kind,
    body_html: html,
    created_at: inserted.created_at,
    hidden_at: null,
    hidden_reason: null,
  };
  return presentMessage(written, { personId: user.id, seesHidden: seesHidden(user) }, []);
}

export async function archiveConversation(db: Db, input: { conversationId: string; archived: boolean; user: CurrentUser }) {
  await actingParty(db, input.conversationId, input.user);
  await setArchived(db, input.conversationId, input.user.id, input.archived);
  return { archived: await isArchived(db, input.conversationId, input.user.id) };
}

export async function markConversationRead(db: Db, input: { conversationId: string; user: CurrentUser }) {
  await actingParty(db, input.conversationId, input.user);
  await markRead(db, input.conversationId, input.user.id);
}
