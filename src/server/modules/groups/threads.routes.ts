import { z } from 'zod';
import { CreatePostBody, CreateThreadBody, DigestPreference, HidePostBody, ModerateThreadBody, PostedReply, ThreadPage, ThreadSummary } from '../../../shared/group.schemas.ts';
import { PageQuery, pageOf } from '../../../shared/pagination.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { setDigestOptOut } from './digest.repository.ts';
import { createThread, hide, listThreads, moderate, readThread, reply } from './threads.service.ts';

const IdParams = z.object({ id: z.uuid() });

export async function threadRoutes(app: App) {
  app.get('/api/groups/:id/threads', {
    config: { access: 'signed-in' },
    schema: { tags: ['discussions'], summary: 'Discussions of a group (its members, facilitators and managers only)', params: IdParams, querystring: PageQuery, response: { 200: pageOf(ThreadSummary) } },
    handler: async (request) => listThreads(app.db, request.params.id, requireUser(request), request.query.page, request.query.pageSize),
  });

  app.post('/api/groups/:id/threads', {
    config: { access: 'signed-in' },
    schema: { tags: ['discussions'], summary: 'Start a discussion (its first post is sanitised)', params: IdParams, body: CreateThreadBody, response: { 201: ThreadPage } },
    handler: async (request, reply_) =>
      reply_.status(201).send(await createThread(app.db, app.personLabels, { groupId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl })),
  });

  app.get('/api/threads/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['discussions'], summary: 'A discussion with a page of its posts (50 a page, oldest first)', params: IdParams, querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }), response: { 200: ThreadPage } },
    handler: async (request) => readThread(app.db, app.personLabels, request.params.id, requireUser(request), request.query.page),
  });

  app.post('/api/threads/:id/posts', {
    config: { access: 'signed-in' },
    schema: { tags: ['discussions'], summary: 'Reply (sanitised; mentions of cities): answers the stored post and the page of the discussion that holds it', params: IdParams, body: CreatePostBody, response: { 201: PostedReply, 409: Problem } },
    handler: async (request, reply_) => reply_.status(201).send(await reply(app.db, app.personLabels, { threadId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl })),
  });

  app.patch('/api/threads/:id', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['discussions'], summary: 'Pin or close a discussion', params: IdParams, body: ModerateThreadBody, response: { 200: ThreadPage } },
    handler: async (request) => moderate(app.db, app.personLabels, { threadId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip }),
  });

  app.post('/api/posts/:id/hide', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['discussions'], summary: 'Hide a post, with the reason (kept in the audit log)', params: IdParams, body: HidePostBody, response: { 200: ThreadPage, 409: Problem } },
    handler: async (request) => hide(app.db, app.personLabels, { postId: request.params.id, reason: request.body.reason, user: requireUser(request), ip: request.ip }),
  });

  app.put('/api/me/digest', {
    config: { access: 'signed-in' },
    schema: { tags: ['discussions'], summary: 'Receive the daily digest of new posts, or not', body: DigestPreference, response: { 200: DigestPreference } },
    handler: async (request) => {
      await setDigestOptOut(app.db, requireUser(request).id, !request.body.enabled);
      return { enabled: request.body.enabled };
    },
  });
}
