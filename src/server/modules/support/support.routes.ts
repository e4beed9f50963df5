import {
  CloseSupportRequest,
  ExpertList,
  ExpertProfileWithVersion,
  MarkSessionHeld,
  NewSupportAnswer,
  NewSupportRequest,
  ReassignSupportRequest,
  ReopenSupportRequest,
  SupportListQuery,
  SupportRequestDetail,
  SupportRequestPage,
  SupportRequestParams,
  UpdateExpertProfile,
} from '../../../shared/support.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { supportDashboardRoutes } from './support-dashboard.routes.ts';
import { listExperts, myExpertProfile, saveExpertProfile } from './experts.service.ts';
import { answerRequest, closeRequest, createSupportRequest, listSupportRequests, markSessionHeld, readRequest, reassignRequest, reopenRequest } from './support.service.ts';

/** Who takes part in expert support: the cities that ask, the experts who answer, the managers who oversee. */
export const SUPPORT_PARTIES = ['city_representative', 'expert', 'programme_manager'] as const;

/** Expert support (docs/support.md). A request that is not the caller's answers 404. */
export async function supportRoutes(app: App) {
  const ctx = (request: { ip: string }) => ({ now: app.now(), ip: request.ip, publicUrl: app.config.publicUrl });

  app.get('/api/support-requests', {
    config: { access: [...SUPPORT_PARTIES] },
    schema: {
      tags: ['support'],
      summary: 'Support requests, newest first: my cities’ (scope=mine), assigned to me (assigned), or all (all, programme managers); ?state=, ?overdue=',
      querystring: SupportListQuery,
      response: { 200: SupportRequestPage, 403: Problem },
    },
    handler: async (request) => listSupportRequests(app.db, { user: requireUser(request), query: request.query, now: app.now() }),
  });

  app.post('/api/support-requests', {
    config: { access: ['city_representative'] },
    schema: {
      tags: ['support'],
      summary: 'Ask for expert support for one of my cities; the request is routed at once to the expert who fits best (or says why none does)',
      body: NewSupportRequest,
      response: { 201: SupportRequestDetail, 403: Problem },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createSupportRequest(app.db, { body: request.body, user: requireUser(request), ...ctx(request), workingDays: app.config.support.firstAnswerWorkingDays })),
  });

  app.get('/api/support-requests/:id', {
    config: { access: [...SUPPORT_PARTIES] },
    schema: { tags: ['support'], summary: 'A support request with its assignment and reasons, answers, events and what I may do', params: SupportRequestParams, response: { 200: SupportRequestDetail, 404: Problem } },
    handler: async (request) => readRequest(app.db, { id: request.params.id, user: requireUser(request), now: app.now() }),
  });

  app.post('/api/support-requests/:id/answers', {
    config: { access: ['expert'] },
    schema: { tags: ['support'], summary: 'The assigned expert answers (sanitised as messages are); the city is told', params: SupportRequestParams, body: NewSupportAnswer, response: { 200: SupportRequestDetail, 404: Problem, 409: Problem } },
    handler: async (request) => answerRequest(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.post('/api/support-requests/:id/session-held', {
    config: { access: ['expert'] },
    schema: { tags: ['support'], summary: 'The assigned expert marks a call or peer session held; the city is told', params: SupportRequestParams, body: MarkSessionHeld, response: { 200: SupportRequestDetail, 404: Problem, 409: Problem } },
    handler: async (request) => markSessionHeld(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.post('/api/support-requests/:id/close', {
    config: { access: ['city_representative'] },
    schema: { tags: ['support'], summary: 'The city closes an answered request with its rating (1–5) and a comment; the expert is told', params: SupportRequestParams, body: CloseSupportRequest, response: { 200: SupportRequestDetail, 404: Problem, 409: Problem } },
    handler: async (request) => closeRequest(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.post('/api/support-requests/:id/reopen', {
    config: { access: ['city_representative'] },
    schema: { tags: ['support'], summary: 'The city reopens a request (back to its expert), saying what is still open; the expert is told', params: SupportRequestParams, body: ReopenSupportRequest, response: { 200: SupportRequestDetail, 404: Problem, 409: Problem } },
    handler: async (request) => reopenRequest(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.post('/api/support-requests/:id/assignment', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['support'],
      summary: 'A programme manager gives the request to another expert (never one with a conflict of interest: 409 with the reason)',
      params: SupportRequestParams,
      body: ReassignSupportRequest,
      response: { 200: SupportRequestDetail, 404: Problem, 409: Problem },
    },
    handler: async (request) => reassignRequest(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.get('/api/experts', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['support'], summary: 'The experts with a profile, with their open load', response: { 200: ExpertList } },
    handler: async () => listExperts(app.db),
  });

  await supportDashboardRoutes(app);

  app.get('/api/me/expert-profile', {
    config: { access: ['expert'] },
    schema: { tags: ['support'], summary: 'My expert profile (version 0 before the first save)', response: { 200: ExpertProfileWithVersion } },
    handler: async (request) => myExpertProfile(app.db, requireUser(request)),
  });

  app.put('/api/me/expert-profile', {
    config: { access: ['expert'] },
    schema: { tags: ['support'], summary: 'Save my expert profile and declared conflicts of interest (the version I read; 409 when stale)', body: UpdateExpertProfile, response: { 200: ExpertProfileWithVersion, 409: Problem } },
    handler: async (request) => saveExpertProfile(app.db, { user: requireUser(request), body: request.body, ip: request.ip, now: app.now(), publicUrl: app.config.publicUrl }),
  });
}
