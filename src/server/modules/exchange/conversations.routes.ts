import { z } from 'zod';
import {
  ArchiveBody,
  ConversationPage,
  ConversationQuery,
  ConversationSummary,
  InboxQuery,
  Message,
  SendMessageBody,
  StartConversationBody,
} from '../../../shared/exchange.schemas.ts';
import { pageOf } from '../../../shared/pagination.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { archiveConversation, listInbox, markConversationRead, readConversation, sendMessage, startConversation } from './conversations.service.ts';

const IdParams = z.object({ id: z.uuid() });
/** Who has an inbox: city representatives (their city's), programme managers (the team's), experts (their own). */
export const INBOX_HOLDERS = ['city_representative', 'programme_manager', 'expert'] as const;

/** Conversations between cities, the programme team and experts (docs/exchange.md). A conversation that is not the caller's answers 404. */
export async function conversationRoutes(app: App) {
  app.get('/api/conversations', {
    config: { access: [...INBOX_HOLDERS] },
    schema: {
      tags: ['exchange'],
      summary: 'My inbox: my city’s conversations (or the programme team’s, or mine as expert), newest activity first, with my unread counts; ?archived=true for the archive, ?q= to search',
      querystring: InboxQuery,
      response: { 200: pageOf(ConversationSummary) },
    },
    handler: async (request) => listInbox(app.db, requireUser(request), request.query),
  });

  app.post('/api/conversations', {
    config: { access: [...INBOX_HOLDERS] },
    schema: {
      tags: ['exchange'],
      summary: 'Start a conversation with other cities, the programme team or an expert, about a solution, a city, a visit or a topic; its parties are told',
      body: StartConversationBody,
      response: { 201: ConversationPage, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await startConversation(app.db, { body: request.body, user: requireUser(request), publicUrl: app.config.publicUrl })),
  });

  app.get('/api/conversations/:id', {
    config: { access: [...INBOX_HOLDERS] },
    schema: {
      tags: ['exchange'],
      summary: 'A conversation with a page of its messages (the latest; ?before= for older ones), oldest first; reading the latest page marks it read for me',
      params: IdParams,
      querystring: ConversationQuery,
      response: { 200: ConversationPage },
    },
    handler: async (request) => readConversation(app.db, { conversationId: request.params.id, user: requireUser(request), ...request.query }),
  });

  app.post('/api/conversations/:id/messages', {
    config: { access: [...INBOX_HOLDERS] },
    schema: { tags: ['exchange'], summary: 'Answer in a conversation (sanitised as posts are); the other parties are told', params: IdParams, body: SendMessageBody, response: { 201: Message } },
    handler: async (request, reply) =>
      reply.status(201).send(await sendMessage(app.db, { conversationId: request.params.id, body: request.body.body, asCityId: request.body.asCityId, user: requireUser(request), publicUrl: app.config.publicUrl })),
  });

  app.put('/api/conversations/:id/archive', {
    config: { access: [...INBOX_HOLDERS] },
    schema: { tags: ['exchange'], summary: 'Archive a conversation for me, or bring it back (a new message brings it back by itself)', params: IdParams, body: ArchiveBody, response: { 200: ArchiveBody } },
    handler: async (request) => archiveConversation(app.db, { conversationId: request.params.id, archived: request.body.archived, user: requireUser(request) }),
  });

  app.put('/api/conversations/:id/read', {
    config: { access: [...INBOX_HOLDERS] },
    schema: { tags: ['exchange'], summary: 'Mark a conversation read for me, up to its latest message', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await markConversationRead(app.db, { conversationId: request.params.id, user: requireUser(request) });
      return reply.status(204).send(null);
    },
  });
}
