import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { ResultsQuery, SegmentBy, SegmentComparison, SurveyKey, SurveyResults, TextAnswerPage, TextAnswersQuery } from '../../../shared/survey.schemas.ts';
import type { App } from '../../route-types.ts';
import { segmentComparison, surveyResults, textAnswers } from './results.service.ts';
import { surveyExport } from './survey-export.ts';

const SurveyIdParams = z.object({ id: z.uuid() });
const TextQuestionParams = z.object({ id: z.uuid(), questionId: SurveyKey });
const SegmentsQuery = ResultsQuery.extend({ by: SegmentBy });
const ExportQuery = ResultsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

/** A survey's results, segments, text answers and export, for programme managers (docs/surveys.md, "Results"). */
export async function surveyResultsRoutes(app: App) {
  app.get('/api/surveys/:id/results', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['surveys'],
      summary: 'Every question’s results in the selected segment, counted per option; an anonymous survey with fewer than 5 answers in the segment shows none (suppressed)',
      params: SurveyIdParams,
      querystring: ResultsQuery,
      response: { 200: SurveyResults, 400: Problem, 404: Problem },
    },
    handler: async (request) => surveyResults(app.db, { id: request.params.id, filters: request.query }),
  });

  app.get('/api/surveys/:id/segments', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['surveys'],
      summary: 'Invited, responses and the response rate (percent) per segment; hidden segments of anonymous surveys show neither responses nor rate',
      params: SurveyIdParams,
      querystring: SegmentsQuery,
      response: { 200: SegmentComparison, 400: Problem, 404: Problem },
    },
    handler: async (request) => {
      const { by, ...filters } = request.query;
      return segmentComparison(app.db, { id: request.params.id, by, filters });
    },
  });

  app.get('/api/surveys/:id/questions/:questionId/text-answers', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['surveys'],
      summary: 'A text question’s answers in the segment, newest first, searchable; the city for named surveys; an empty page for a hidden segment',
      params: TextQuestionParams,
      querystring: TextAnswersQuery,
      response: { 200: TextAnswerPage, 400: Problem, 404: Problem },
    },
    handler: async (request) => {
      const { page, pageSize, q, ...filters } = request.query;
      return textAnswers(app.db, { id: request.params.id, questionId: request.params.questionId, filters, q, page, pageSize });
    },
  });

  app.get('/api/surveys/:id/export', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['surveys'],
      summary: 'The answers of the segment, one row per response and one column per question or option, as CSV or Excel (streamed); 409 for a hidden segment of an anonymous survey',
      params: SurveyIdParams,
      querystring: ExportQuery,
      response: { 200: z.any().describe('text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      const { format, ...filters } = request.query;
      const file = await surveyExport(app.db, { id: request.params.id, format, filters });
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.stream);
    },
  });
}
