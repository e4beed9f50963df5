import { z } from 'zod';
import { PageQuery } from './pagination.ts';
import { Instant, text } from './text.ts';

// Direct exchange between cities (issue 20): conversations, messages, blocks
// and reports. docs/exchange.md explains the model.

/** The largest PDF attached to a message: the limit of application attachments. */
export { ATTACHMENT_MAX_BYTES as MESSAGE_ATTACHMENT_MAX_BYTES } from './attachment.schemas.ts';
/** At most this many files on one message. */
export const MESSAGE_ATTACHMENTS_MAX = 5;
/** The unread count shown stops here ("99+"): counting further would read a conversation's whole history. */
export const UNREAD_CAP = 100;
/** Messages on one page of a conversation (the latest first; older ones by cursor). */
export const MESSAGES_PER_PAGE = 50;

export const AboutKind = z.enum(['topic', 'solution', 'city', 'visit']);
export type AboutKind = z.infer<typeof AboutKind>;

/** What a conversation is about, as the card above its first message shows it. */
export const AboutCard = z.object({
  kind: AboutKind,
  /** The solution, city or visit; null for a topic (or when it was deleted since). */
  id: z.uuid().nullable(),
  title: text().nullable(),
  /** The solution's city, the visit's host. */
  cityName: text().nullable(),
  /** Where the card leads in the app. */
  link: text().nullable(),
});
export type AboutCard = z.infer<typeof AboutCard>;

export const PartyKind = z.enum(['city', 'programme_team', 'expert']);
export const Party = z.object({
  id: z.uuid(),
  kind: PartyKind,
  cityId: z.uuid().nullable(),
  cityName: text().nullable(),
  citySlug: text().nullable(),
  /** The expert's name, for an expert party. */
  personName: text().nullable(),
});
export type Party = z.infer<typeof Party>;

export const ConversationSummary = z.object({
  id: z.uuid(),
  subject: text(),
  about: AboutCard,
  /** The parties other than the one the caller acts for. */
  others: z.array(Party),
  /** The caller's party in it (their city when they represent several). */
  mine: Party,
  lastMessageAt: Instant,
  lastMessage: z.object({ excerpt: text(), author: text().nullable(), hidden: z.boolean() }).nullable(),
  /** Messages after the caller's last read not written by them, up to UNREAD_CAP. */
  unread: z.number().int().min(0),
  archived: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const InboxQuery = PageQuery.extend({
  /** One of the caller's cities, when they represent several. */
  cityId: z.uuid().optional(),
  /** The archive rather than the inbox. */
  archived: z.stringbool().default(false),
  /** Words in the subject or the messages. */
  q: text().trim().max(100).optional(),
});

export const Attachment = z.object({ id: z.uuid(), filename: text(), sizeBytes: z.number().int().min(1) });

export const AuthorStatus = z.enum(['active', 'deactivated', 'former']);
export const Message = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  author: text().nullable(),
  authorCity: text().nullable(),
  /** deactivated: the author's account is disabled; former: erased ("Former participant"). */
  authorStatus: AuthorStatus,
  /** Written by the caller. */
  mine: z.boolean(),
  /** Null when hidden (except for programme managers). */
  bodyHtml: text().nullable(),
  createdAt: Instant,
  hidden: z.object({ at: Instant, reason: text().nullable() }).nullable(),
  attachments: z.array(Attachment),
});
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: z.uuid(),
  subject: text(),
  about: AboutCard,
  parties: z.array(Party),
  /** The party the caller acts for. */
  myPartyId: z.uuid(),
  createdAt: Instant,
  archived: z.boolean(),
});

export const ConversationPage = z.object({
  conversation: Conversation,
  /** Oldest first: the latest page, or the one before `before`. */
  messages: z.array(Message),
  /** Pass as `before` for the older messages; null at the first message. */
  olderCursor: z.uuid().nullable(),
  /** The cities the caller's city has blocked among the parties. */
  blockedCityIds: z.array(z.uuid()),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

export const ConversationQuery = z.object({
  before: z.uuid().optional(),
  /** One of the caller's cities taking part, when they represent several. */
  asCityId: z.uuid().optional(),
});

const Body = text().trim().min(1, 'Write something first.').max(20000);

export const StartConversationBody = z.object({
  /** The caller's city that writes (when they represent several); null: their first city, or the team, or themselves as expert. */
  fromCityId: z.uuid().nullable().default(null),
  /** Other cities (one or more); or else the programme team; or else one expert. */
  toCityIds: z.array(z.uuid()).max(10).default([]),
  toProgrammeTeam: z.boolean().default(false),
  toExpertId: z.uuid().nullable().default(null),
  about: z.object({ kind: AboutKind, id: z.uuid().nullable().default(null) }),
  subject: text().trim().min(1, 'Give the conversation a subject.').max(200),
  body: Body,
});
export type StartConversationBody = z.infer<typeof StartConversationBody>;

export const SendMessageBody = z.object({ body: Body, asCityId: z.uuid().nullable().default(null) });
export const ArchiveBody = z.object({ archived: z.boolean() });
export const AttachmentQuery = z.object({ filename: text().trim().min(1).max(200) });

export const ReportMessageBody = z.object({ reason: text().trim().min(3, 'Say what is wrong with the message.').max(2000) });
export const DecideReportBody = z.object({
  outcome: z.enum(['hidden', 'kept']),
  /** Shown to the parties instead of the message, and kept in the audit log; required to hide. */
  reason: text().trim().max(500).default(''),
});

export const MessageReport = z.object({
  id: z.uuid(),
  reason: text(),
  reportedBy: text().nullable(),
  reportedAt: Instant,
  conversation: z.object({ id: z.uuid(), subject: text(), parties: z.array(text()) }),
  message: z.object({ id: z.uuid(), author: text().nullable(), authorCity: text().nullable(), bodyHtml: text(), createdAt: Instant, hiddenAt: Instant.nullable() }),
});
export type MessageReport = z.infer<typeof MessageReport>;

export const CityBlock = z.object({ cityId: z.uuid(), blockedCityId: z.uuid(), blockedCityName: text(), blockedAt: Instant, blockedBy: text().nullable() });
export type CityBlock = z.infer<typeof CityBlock>;
export const CityBlockList = z.object({ items: z.array(CityBlock) });
