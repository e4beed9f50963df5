import { z } from 'zod';
import { MatchingInstance } from '../../../domain/matching/matching-instance.ts';
import { MatchingOverview, MatchingSettings, PairRuleBody, PublishRunBody, RunDetail, StartRunBody, UpdateMatchingSettingsBody } from '../../../shared/matching.schemas.ts';
import { PageQuery } from '../../../shared/pagination.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { changePairRule, getRun, matchingOverview, publishRun, startRun, updateSettings } from './matching.service.ts';
import { text } from '../../../shared/text.ts';

const managers = ['programme_manager'] as const;
const SlugParams = z.object({ slug: text().min(1).max(80) });
const IdParams = z.object({ id: z.uuid() });
const SolveQuery = z.object({ explain: z.enum(['true', 'false']).default('false') });
// The result of `peercities match`: status, objective, assignments, unassigned (and explanation), or a reason.
const SolveResult = z.looseObject({ status: z.enum(['optimal', 'feasible', 'infeasible']) });
// Unknown top-level fields pass the route's check so that the CLI's parser
// below reports them in its own words, as `peercities match` does.
const SolveBody = z.looseObject(MatchingInstance.shape);

export async function matchingRoutes(app: App) {
  app.get('/api/programmes/:slug/matching', {
    config: { access: managers },
    schema: {
      tags: ['matching'],
      summary: 'Matching settings, the selected hosts and visiting cities, the runs (newest first) and the published run',
      params: SlugParams,
      querystring: PageQuery,
      response: { 200: MatchingOverview },
    },
    handler: async (request) => matchingOverview(app.db, request.params.slug, request.query, app.now()),
  });

  app.put('/api/programmes/:slug/matching/settings', {
    config: { access: managers },
    schema: {
      tags: ['matching'],
      summary: 'Fit-model weights and the rules (country limit, minimum score, place as many as possible, facilitators)',
      params: SlugParams,
      body: UpdateMatchingSettingsBody,
      response: { 200: MatchingSettings, 409: Problem },
    },
    handler: async (request) => updateSettings(app.db, { slug: request.params.slug, body: request.body, actor: requireUser(request), ip: request.ip }),
  });

  app.put('/api/programmes/:slug/matching/pairs', {
    config: { access: managers },
    schema: {
      tags: ['matching'],
      summary: 'Lock a visiting city to a host, forbid the pair, or undo either (rule "none")',
      params: SlugParams,
      body: PairRuleBody,
      response: { 200: MatchingSettings },
    },
    handler: async (request) => changePairRule(app.db, { slug: request.params.slug, body: request.body, actor: requireUser(request), ip: request.ip }),
  });

  app.post('/api/programmes/:slug/matching/runs', {
    config: { access: managers },
    schema: {
      tags: ['matching'],
      summary: 'Run the matching: fit of every pair, exact solve with explanations, facilitators; stores inputs and result',
      params: SlugParams,
      body: StartRunBody,
      response: { 201: RunDetail, 409: Problem },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await startRun(app.db, { slug: request.params.slug, settingsVersion: request.body.settingsVersion, actor: requireUser(request), ip: request.ip, now: app.now() })),
  });

  app.get('/api/matching-runs/:id', {
    config: { access: managers },
    schema: {
      tags: ['matching'],
      summary: 'A run: visitors per host with their fit, runner-up hosts, reasons for unplaced cities, the change from the previous run, travel and CO2',
      params: IdParams,
      response: { 200: RunDetail },
    },
    handler: async (request) => getRun(app.db, request.params.id),
  });

  app.post('/api/matching-runs/:id/publish', {
    config: { access: managers },
    schema: {
      tags: ['matching'],
      summary: 'Publish a run: creates the study visits and emails the host and visiting cities (refuses infeasible and out-of-date runs)',
      params: IdParams,
      body: PublishRunBody,
      response: { 200: RunDetail, 409: Problem },
    },
    handler: async (request) => publishRun(app.db, { runId: request.params.id, actor: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl, now: app.now() }),
  });

  app.post('/api/matching/solve', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['matching'],
      summary: 'Solve an instance in the stable format of `peercities match` (same result); ?explain=true adds explanations',
      querystring: SolveQuery,
      body: SolveBody,
      response: { 200: SolveResult, 429: Problem, 503: Problem },
    },
    // Parsing (with the CLI's parser: references, duplicates, locks not in pairs) and solving run
    // in a worker thread, with a time limit and a per-person rate (decision 0028).
    handler: async (request) => ({ ...(await app.solverPool.solve(requireUser(request).id, { body: request.body, explain: request.query.explain === 'true' })) }),
  });
}
