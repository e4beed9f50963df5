import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import {
  AudienceCount,
  CreateSurveyBody,
  Survey,
  SurveyListQuery,
  SurveyDefinition,
  SurveyPage,
  SurveySettings,
  SurveyTemplateKey,
  SurveyTemplateList,
  SurveyVersionBody,
  UpdateSurveyBody,
} from '../../../shared/survey.schemas.ts';
import { text } from '../../../shared/text.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { audienceOf, closeSurvey, createSurvey, deleteSurvey, listSurveys, listTemplates, readSurvey, remindSurvey, sendSurvey, updateSurvey } from './surveys.service.ts';

export const SurveyParams = z.object({ id: text().uuid() });

/**
 * CreateSurveyBody (a template, a copy, or settings with questions) as one
 * object, so that a refusal names the fields (`body.template`,
 * `body.definition…`) rather than the whole body, as every route does.
 */
const CreateSurveyRequest = z
  .object({ template: SurveyTemplateKey.optional(), duplicateOf: z.uuid().optional(), ...SurveySettings.partial().shape, definition: SurveyDefinition.optional() })
  .superRefine((body, ctx) => {
    if (CreateSurveyBody.safeParse(body).success) return;
    if (body.definition === undefined && body.template === undefined && body.duplicateOf === undefined) {
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'Start from a template, a survey to copy, or give the questions with the settings.', params: { reason: 'SURVEY_START_FROM' } });
      return;
    }
    const full = SurveySettings.extend({ definition: SurveyDefinition }).safeParse(body);
    if (!full.success) for (const issue of full.error.issues) ctx.addIssue({ ...issue } as never);
  });
const MANAGERS = ['programme_manager'] as const;

/** Surveys as programme managers build, send, remind and close them (docs/surveys.md). Results: results.routes.ts. */
export async function surveyRoutes(app: App) {
  const ctx = (request: { ip: string }) => ({ now: app.now(), ip: request.ip });

  app.get('/api/survey-templates', {
    config: { access: MANAGERS },
    schema: { tags: ['surveys'], summary: 'The questionnaires the platform ships, to start a survey from', response: { 200: SurveyTemplateList } },
    handler: async () => listTemplates(),
  });

  app.get('/api/surveys', {
    config: { access: MANAGERS },
    schema: { tags: ['surveys'], summary: 'Surveys, the last changed first; ?state=draft|open|closed', querystring: SurveyListQuery, response: { 200: SurveyPage } },
    handler: async (request) => listSurveys(app.db, { query: request.query, now: app.now() }),
  });

  app.post('/api/surveys', {
    config: { access: MANAGERS },
    schema: {
      tags: ['surveys'],
      summary: 'A new survey (a draft): from a template (all cities, four weeks from today unless given), a copy of another, or settings with questions',
      body: CreateSurveyRequest,
      response: { 201: Survey, 400: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createSurvey(app.db, { body: CreateSurveyBody.parse(request.body), user: requireUser(request), ...ctx(request) })),
  });

  app.get('/api/surveys/:id', {
    config: { access: MANAGERS },
    schema: { tags: ['surveys'], summary: 'A survey with its questions, settings, state and counts', params: SurveyParams, response: { 200: Survey, 404: Problem } },
    handler: async (request) => readSurvey(app.db, { id: request.params.id, now: app.now() }),
  });

  app.patch('/api/surveys/:id', {
    config: { access: MANAGERS },
    schema: {
      tags: ['surveys'],
      summary: 'Save settings and questions (the version read; 409 when stale). With answers, questions can only be added or reworded: other changes are refused with the reasons (400)',
      params: SurveyParams,
      body: UpdateSurveyBody,
      response: { 200: Survey, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateSurvey(app.db, { id: request.params.id, body: request.body, user: requireUser(request), ...ctx(request) }),
  });

  app.delete('/api/surveys/:id', {
    config: { access: MANAGERS },
    schema: { tags: ['surveys'], summary: 'Delete a survey never sent (a sent one: 409, close it instead)', params: SurveyParams, response: { 204: z.null(), 404: Problem, 409: Problem } },
    handler: async (request, reply) => {
      await deleteSurvey(app.db, { id: request.params.id, user: requireUser(request), ip: request.ip });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/surveys/:id/audience', {
    config: { access: MANAGERS },
    schema: { tags: ['surveys'], summary: 'How many cities and people the audience reaches now', params: SurveyParams, response: { 200: AudienceCount, 404: Problem } },
    handler: async (request) => audienceOf(app.db, request.params.id),
  });

  app.post('/api/surveys/:id/send', {
    config: { access: MANAGERS },
    schema: {
      tags: ['surveys'],
      summary: 'Send the survey: invitations for the audience as it is now, an email and a notification each (400 when the window ended or nobody is reached)',
      params: SurveyParams,
      body: SurveyVersionBody,
      response: { 200: Survey, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => sendSurvey(app.db, { id: request.params.id, version: request.body.version, user: requireUser(request), ...ctx(request), publicUrl: app.config.publicUrl }),
  });

  app.post('/api/surveys/:id/remind', {
    config: { access: MANAGERS },
    schema: {
      tags: ['surveys'],
      summary: 'Remind the people invited who have not answered (an email each)',
      params: SurveyParams,
      response: { 200: z.object({ reminded: z.number().int() }), 404: Problem, 409: Problem },
    },
    handler: async (request) => remindSurvey(app.db, { id: request.params.id, user: requireUser(request), ...ctx(request), publicUrl: app.config.publicUrl }),
  });

  app.post('/api/surveys/:id/close', {
    config: { access: MANAGERS },
    schema: { tags: ['surveys'], summary: 'Close the survey before its window ends (the version read)', params: SurveyParams, body: SurveyVersionBody, response: { 200: Survey, 404: Problem, 409: Problem } },
    handler: async (request) => closeSurvey(app.db, { id: request.params.id, version: request.body.version, user: requireUser(request), ...ctx(request) }),
  });
}
