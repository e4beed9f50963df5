import { z } from 'zod';
import { PageQuery, pageOf } from '../../../shared/pagination.ts';
import { Problem } from '../../../shared/problem.ts';
import {
  Call,
  CallKind,
  CreateProgrammeBody,
  EligibilityAnswer,
  Programme,
  ProgrammeSummary,
  UpdateCallBody,
  UpdateProgrammeBody,
} from '../../../shared/programme.schemas.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { mayActForCity } from '../cities/cities.policy.ts';
import { eligibilityOf, loadCall, presentCall, setLearningCompletion, updateCall } from './calls.service.ts';
import { createProgramme, listProgrammes, loadProgramme, updateProgramme } from './programmes.service.ts';
import { timelineRoutes } from './timeline.routes.ts';
import { text } from '../../../shared/text.ts';

const managers = ['programme_manager'] as const;
const SlugParams = z.object({ slug: text().min(1).max(80) });
const CallParams = SlugParams.extend({ kind: CallKind });

export async function programmeRoutes(app: App) {
  app.get('/api/programmes', {
    config: { access: 'public' },
    schema: { tags: ['programmes'], summary: 'Programmes, newest edition first (drafts for programme managers only)', querystring: PageQuery, response: { 200: pageOf(ProgrammeSummary) } },
    handler: async (request) => listProgrammes(app.db, request.query.page, request.query.pageSize, app.now(), request.user),
  });

  app.post('/api/programmes', {
    config: { access: managers },
    schema: {
      tags: ['programmes'],
      summary: 'Create a draft edition from the template (default numbers, timeline and calls)',
      body: CreateProgrammeBody,
      response: { 201: Programme, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createProgramme(app.db, request.body, requireUser(request), request.ip, app.now())),
  });

  app.get('/api/programmes/:slug', {
    config: { access: 'public' },
    schema: { tags: ['programmes'], summary: 'A programme: settings, timeline, where it stands now and what can no longer change', params: SlugParams, response: { 200: Programme } },
    handler: async (request) => loadProgramme(app.db, request.params.slug, app.now(), { viewer: request.user }),
  });

  app.patch('/api/programmes/:slug', {
    config: { access: managers },
    schema: {
      tags: ['programmes'],
      summary: 'Change title, numbers or dates (within what may still change: see `locks`)',
      params: SlugParams,
      body: UpdateProgrammeBody,
      response: { 200: Programme, 409: Problem },
    },
    handler: async (request) => updateProgramme(app.db, request.params.slug, request.body, requireUser(request), request.ip, app.now()),
  });

  app.get('/api/programmes/:slug/calls/:kind', {
    config: { access: 'public' },
    schema: { tags: ['calls'], summary: 'A call: its window, questions and criteria', params: CallParams, response: { 200: Call } },
    handler: async (request) => presentCall(await loadCall(app.db, request.params.slug, request.params.kind, app.now(), { viewer: request.user }), request.user),
  });

  app.put('/api/programmes/:slug/calls/:kind', {
    config: { access: managers },
    schema: { tags: ['calls'], summary: 'Set the questions and criteria (until the first application is submitted)', params: CallParams, body: UpdateCallBody, response: { 200: Call, 409: Problem } },
    handler: async (request) => updateCall(app.db, request.params.slug, request.params.kind, request.body, requireUser(request), request.ip, app.now()),
  });

  app.get('/api/programmes/:slug/calls/:kind/eligibility', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['calls'],
      summary: 'Whether a city may apply, and why not',
      params: CallParams,
      querystring: z.object({ cityId: z.uuid() }),
      response: { 200: EligibilityAnswer },
    },
    handler: async (request) => {
      const user = requireUser(request);
      if (!mayActForCity(user, request.query.cityId)) throw new AppError('FORBIDDEN', reason('ELIGIBILITY_OWN_CITY_ONLY'));
      const ctx = await loadCall(app.db, request.params.slug, request.params.kind, app.now(), { viewer: user });
      const result = await eligibilityOf(app.db, ctx, request.query.cityId);
      return { cityId: request.query.cityId, cityName: result.cityName, eligible: result.eligible, reasons: result.reasons.map(englishText), why: result.reasons };
    },
  });

  app.put('/api/programmes/:slug/learning-completions/:cityId', {
    config: { access: managers },
    schema: {
      tags: ['programmes'],
      summary: 'Mark that a city completed the learning phases',
      params: SlugParams.extend({ cityId: z.uuid() }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await setLearningCompletion(app.db, { slug: request.params.slug, cityId: request.params.cityId, complete: true, actor: requireUser(request), ip: request.ip });
      return reply.status(204).send(null);
    },
  });

  app.delete('/api/programmes/:slug/learning-completions/:cityId', {
    config: { access: managers },
    schema: { tags: ['programmes'], summary: 'Remove the completion mark', params: SlugParams.extend({ cityId: z.uuid() }), response: { 204: z.null() } },
    handler: async (request, reply) => {
      await setLearningCompletion(app.db, { slug: request.params.slug, cityId: request.params.cityId, complete: false, actor: requireUser(request), ip: request.ip });
      return reply.status(204).send(null);
    },
  });

  await timelineRoutes(app);
}
