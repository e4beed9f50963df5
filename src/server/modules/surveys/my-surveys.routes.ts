import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { MySurvey, MySurveyList, MySurveyQuery, SaveDraftBody, SubmitAnswersBody } from '../../../shared/survey.schemas.ts';
import { Instant, LocalDate } from '../../../shared/text.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { listMySurveys, readMySurvey, saveDraft, submitAnswers } from './my-surveys.service.ts';
import { SurveyParams } from './surveys.routes.ts';

/** Answering surveys: anyone signed in who was invited; a survey that is not theirs answers 404 (docs/surveys.md). */
export async function mySurveyRoutes(app: App) {
  app.get('/api/my-surveys', {
    config: { access: 'signed-in' },
    schema: { tags: ['surveys'], summary: 'The surveys I am asked to answer, one per survey and per city I answer for; open ones first', response: { 200: MySurveyList } },
    handler: async (request) => listMySurveys(app.db, { user: requireUser(request), now: app.now() }),
  });

  app.get('/api/my-surveys/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['surveys'],
      summary: 'A survey I am asked to answer, with its questions and my draft (?cityId= the city I answer for)',
      params: SurveyParams,
      querystring: MySurveyQuery,
      response: { 200: MySurvey, 404: Problem },
    },
    handler: async (request) => readMySurvey(app.db, { id: request.params.id, cityId: request.query.cityId, user: requireUser(request), now: app.now() }),
  });

  app.put('/api/my-surveys/:id/draft', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['surveys'],
      summary: 'Save my answers so far (per-city surveys: the city’s draft, shared by its representatives)',
      params: SurveyParams,
      body: SaveDraftBody,
      response: { 200: z.object({ savedAt: Instant }), 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => saveDraft(app.db, { id: request.params.id, body: request.body, user: requireUser(request), now: app.now() }),
  });

  app.post('/api/my-surveys/:id/answers', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['surveys'],
      summary: 'Submit my answer (or my city’s): one each; 409 SURVEY_NOT_OPEN outside the window, SURVEY_ALREADY_ANSWERED the second time',
      params: SurveyParams,
      body: SubmitAnswersBody,
      response: { 201: z.object({ submittedOn: LocalDate }), 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await submitAnswers(app.db, { id: request.params.id, body: request.body, user: requireUser(request), now: app.now(), ip: request.ip })),
  });
}
