import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { Application, CallKind, CreateApplicationBody, UpdateApplicationBody, VersionBody, WithdrawalPreview } from '../../../shared/programme.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { createApplication, getApplication, listApplications, previewWithdrawal, saveAnswers, submitApplication, withdrawApplication } from './applications.service.ts';
import { text } from '../../../shared/text.ts';

const IdParams = z.object({ id: z.uuid() });
const CallParams = z.object({ slug: text().min(1).max(80), kind: CallKind });
const representatives = ['city_representative'] as const;

export async function applicationRoutes(app: App) {
  app.get('/api/programmes/:slug/calls/:kind/applications', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['applications'],
      summary: 'Applications to a call: all for managers, your city’s for representatives, assigned ones for evaluators',
      params: CallParams,
      response: { 200: z.object({ items: z.array(Application) }) },
    },
    handler: async (request) => ({ items: await listApplications(app.db, request.params.slug, request.params.kind, requireUser(request), app.now()) }),
  });

  app.post('/api/programmes/:slug/calls/:kind/applications', {
    config: { access: representatives },
    schema: {
      tags: ['applications'],
      summary: 'Start your city’s application (a draft)',
      params: CallParams,
      body: CreateApplicationBody,
      response: { 201: Application, 409: Problem, 422: Problem },
    },
    handler: async (request, reply) => {
      const created = await createApplication(app.db, { ...request.params, ...request.body, user: requireUser(request), ip: request.ip, now: app.now() });
      return reply.status(201).send(created);
    },
  });

  app.get('/api/applications/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['applications'], summary: 'An application (its city, managers and assigned evaluators only)', params: IdParams, response: { 200: Application } },
    handler: async (request) => getApplication(app.db, request.params.id, requireUser(request), app.now()),
  });

  app.patch('/api/applications/:id', {
    config: { access: representatives },
    schema: { tags: ['applications'], summary: 'Save answers (until the deadline)', params: IdParams, body: UpdateApplicationBody, response: { 200: Application, 409: Problem } },
    handler: async (request) => saveAnswers(app.db, { id: request.params.id, user: requireUser(request), version: request.body.version, answers: request.body.answers, ip: request.ip, now: app.now() }),
  });

  app.post('/api/applications/:id/submit', {
    config: { access: representatives },
    schema: { tags: ['applications'], summary: 'Submit (sends a confirmation email)', params: IdParams, body: VersionBody, response: { 200: Application, 409: Problem, 422: Problem } },
    handler: async (request) =>
      submitApplication(app.db, { id: request.params.id, user: requireUser(request), version: request.body.version, ip: request.ip, publicUrl: app.config.publicUrl, now: app.now() }),
  });

  app.get('/api/applications/:id/withdrawal', {
    config: { access: representatives },
    schema: {
      tags: ['applications'],
      summary: 'What withdrawing would do now (who is told, whether a waitlisted city moves up, the visit left), or why it is refused',
      params: IdParams,
      response: { 200: WithdrawalPreview },
    },
    handler: async (request) => previewWithdrawal(app.db, request.params.id, requireUser(request), app.now()),
  });

  app.post('/api/applications/:id/withdraw', {
    config: { access: representatives },
    schema: { tags: ['applications'], summary: 'Withdraw (until the deadline)', params: IdParams, body: VersionBody, response: { 200: Application, 409: Problem } },
    handler: async (request) => withdrawApplication(app.db, { id: request.params.id, user: requireUser(request), version: request.body.version, ip: request.ip, now: app.now(), publicUrl: app.config.publicUrl }),
  });
}
