import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import {
  AutoAssignResult,
  CallKind,
  DecisionBody,
  DeclareConflictBody,
  Evaluation,
  EvaluationOverview,
  MyAssignment,
  SaveEvaluationBody,
  SelectionOverview,
} from '../../../shared/programme.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { ExportFormat } from '../../../shared/audit.schemas.ts';
import { sendTable } from '../../lib/table-export.ts';
import { AssignEvaluatorBody } from '../../../shared/review.schemas.ts';
import { applicationsTable } from './applications-export.service.ts';
import { assignByHand, autoAssign, unassign } from './assignments.service.ts';
import { declareConflict, listMyAssignments, myEvaluation, saveEvaluation } from './evaluations.service.ts';
import { evaluationOverview, selectionOverview } from './review.service.ts';
import { decide, publishDecisions } from './selection.service.ts';
import { text } from '../../../shared/text.ts';

const managers = ['programme_manager'] as const;
const evaluators = ['evaluator'] as const;
const CallParams = z.object({ slug: text().min(1).max(80), kind: CallKind });
const IdParams = z.object({ id: z.uuid() });

export async function reviewRoutes(app: App) {
  app.post('/api/programmes/:slug/calls/:kind/assignments', {
    config: { access: managers },
    schema: {
      tags: ['evaluation'],
      summary: 'Assign evaluators automatically: N per application, even loads, no own country or city, conflicts respected',
      params: CallParams,
      response: { 200: AutoAssignResult, 409: Problem },
    },
    handler: async (request) => autoAssign(app.db, request.params.slug, request.params.kind, requireUser(request), request.ip, app.now(), app.config.publicUrl),
  });

  app.post('/api/applications/:id/assignments', {
    config: { access: managers },
    schema: {
      tags: ['evaluation'],
      summary: 'Assign one evaluator by hand (not their own city or country, not after a declared conflict)',
      params: IdParams,
      body: AssignEvaluatorBody,
      response: { 200: EvaluationOverview, 409: Problem },
    },
    handler: async (request) => assignByHand(app.db, { applicationId: request.params.id, evaluatorId: request.body.evaluatorId, actor: requireUser(request), ip: request.ip, now: app.now(), publicUrl: app.config.publicUrl }),
  });

  app.delete('/api/applications/:id/assignments/:evaluatorId', {
    config: { access: managers },
    schema: {
      tags: ['evaluation'],
      summary: 'Take an application away from an evaluator who has not submitted (their draft goes too)',
      params: IdParams.extend({ evaluatorId: z.uuid() }),
      response: { 200: EvaluationOverview, 409: Problem },
    },
    handler: async (request) => unassign(app.db, { applicationId: request.params.id, evaluatorId: request.params.evaluatorId, actor: requireUser(request), ip: request.ip, now: app.now() }),
  });

  app.get('/api/programmes/:slug/calls/:kind/evaluation', {
    config: { access: managers },
    schema: { tags: ['evaluation'], summary: 'Progress per evaluator, scores, spread and ranking (ties shown)', params: CallParams, response: { 200: EvaluationOverview } },
    handler: async (request) => evaluationOverview(app.db, request.params.slug, request.params.kind, app.now()),
  });

  app.get('/api/evaluations', {
    config: { access: evaluators },
    schema: { tags: ['evaluation'], summary: 'The applications assigned to me', response: { 200: z.object({ items: z.array(MyAssignment) }) } },
    handler: async (request) => ({ items: await listMyAssignments(app.db, requireUser(request)) }),
  });

  app.get('/api/applications/:id/evaluation', {
    config: { access: evaluators },
    schema: { tags: ['evaluation'], summary: 'My evaluation of an application assigned to me', params: IdParams, response: { 200: Evaluation } },
    handler: async (request) => myEvaluation(app.db, request.params.id, requireUser(request), app.now()),
  });

  app.put('/api/applications/:id/evaluation', {
    config: { access: evaluators },
    schema: { tags: ['evaluation'], summary: 'Save my scores (a stale version answers 409)', params: IdParams, body: SaveEvaluationBody, response: { 200: Evaluation, 409: Problem } },
    handler: async (request) =>
      saveEvaluation(app.db, { applicationId: request.params.id, user: requireUser(request), ...request.body, submit: false, ip: request.ip, now: app.now() }),
  });

  app.post('/api/applications/:id/evaluation/submit', {
    config: { access: evaluators },
    schema: { tags: ['evaluation'], summary: 'Submit my scores (every criterion scored)', params: IdParams, body: SaveEvaluationBody, response: { 200: Evaluation, 409: Problem } },
    handler: async (request) =>
      saveEvaluation(app.db, { applicationId: request.params.id, user: requireUser(request), ...request.body, submit: true, ip: request.ip, now: app.now() }),
  });

  app.post('/api/applications/:id/evaluation/conflict', {
    config: { access: evaluators },
    schema: {
      tags: ['evaluation'],
      summary: 'Declare a conflict of interest: the application goes to another evaluator',
      params: IdParams,
      body: DeclareConflictBody,
      response: { 200: AutoAssignResult, 409: Problem },
    },
    handler: async (request) => declareConflict(app.db, { applicationId: request.params.id, user: requireUser(request), reason: request.body.reason, ip: request.ip, now: app.now(), publicUrl: app.config.publicUrl }),
  });

  app.get('/api/programmes/:slug/calls/:kind/selection', {
    config: { access: managers },
    schema: { tags: ['selection'], summary: 'Decisions so far and their effect against the programme’s numbers', params: CallParams, response: { 200: SelectionOverview } },
    handler: async (request) => selectionOverview(app.db, request.params.slug, request.params.kind, app.now()),
  });

  app.put('/api/applications/:id/decision', {
    config: { access: managers },
    schema: { tags: ['selection'], summary: 'Select, waitlist or reject, with the reason the city reads', params: IdParams, body: DecisionBody, response: { 200: SelectionOverview, 409: Problem } },
    handler: async (request) => decide(app.db, { applicationId: request.params.id, ...request.body, actor: requireUser(request), ip: request.ip, now: app.now() }),
  });

  app.post('/api/programmes/:slug/calls/:kind/selection/publish', {
    config: { access: managers },
    schema: { tags: ['selection'], summary: 'Publish all decisions together and email every city', params: CallParams, response: { 200: SelectionOverview, 409: Problem } },
    handler: async (request) =>
      publishDecisions(app.db, { ...request.params, actor: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl, now: app.now() }),
  });

  app.get('/api/programmes/:slug/calls/:kind/applications/export.:format', {
    config: { access: managers },
    schema: {
      tags: ['applications'],
      summary: 'Applications with answers, scores and decisions as CSV or Excel',
      params: CallParams.extend({ format: ExportFormat }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    handler: async (request, reply) => {
      const { slug, kind, format } = request.params;
      return sendTable(reply, await applicationsTable(app.db, slug, kind, app.now()), format, `${slug}-${kind}-applications`);
    },
  });
}
