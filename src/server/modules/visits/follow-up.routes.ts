import { z } from 'zod';
import { ExportFormat } from '../../../shared/audit.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { CreateReplicationPlanBody, Dashboard, FeedbackBody, FeedbackSummary, ReplicationPlan, ReplicationUpdateBody } from '../../../shared/visit.schemas.ts';
import { sendTable } from '../../lib/table-export.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { programmeDashboard } from './dashboard.service.ts';
import { addPlanUpdate, createPlan, feedbackSummary, giveFeedback, listPlans } from './follow-up.service.ts';
import { text } from '../../../shared/text.ts';

const IdParams = z.object({ id: z.uuid() });
const SlugParams = z.object({ slug: text().min(1).max(80) });

export async function followUpRoutes(app: App) {
  app.post('/api/visits/:id/feedback', {
    config: { access: ['city_representative'] },
    schema: { tags: ['follow-up'], summary: 'Feedback on a visit (visiting cities and the host); the answer summarises only the feedback of the cities the caller represents', params: IdParams, body: FeedbackBody, response: { 200: FeedbackSummary, 409: Problem } },
    handler: async (request) => giveFeedback(app.db, { visitId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip, now: app.now() }),
  });

  app.get('/api/visits/:id/feedback', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['follow-up'], summary: 'The feedback summary of a visit (the facilitator of this visit, or a programme manager)', params: IdParams, response: { 200: FeedbackSummary, 404: Problem } },
    handler: async (request) => feedbackSummary(app.db, request.params.id, requireUser(request)),
  });

  app.get('/api/visits/:id/replication-plans', {
    config: { access: 'public' },
    schema: { tags: ['follow-up'], summary: 'What the visiting cities plan to replicate', params: IdParams, response: { 200: z.object({ items: z.array(ReplicationPlan) }) } },
    handler: async (request) => ({ items: await listPlans(app.db, request.params.id) }),
  });

  app.post('/api/visits/:id/replication-plans', {
    config: { access: ['city_representative', 'programme_manager'] },
    schema: { tags: ['follow-up'], summary: 'A visiting city’s replication plan', params: IdParams, body: CreateReplicationPlanBody, response: { 201: ReplicationPlan } },
    handler: async (request, reply) => reply.status(201).send(await createPlan(app.db, { visitId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip, now: app.now() })),
  });

  app.put('/api/replication-plans/:id/updates', {
    config: { access: ['city_representative', 'programme_manager'] },
    schema: { tags: ['follow-up'], summary: 'The 3-, 6- or 12-month update: status and evidence', params: IdParams, body: ReplicationUpdateBody, response: { 200: ReplicationPlan } },
    handler: async (request) => addPlanUpdate(app.db, { planId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip }),
  });

  app.get('/api/programmes/:slug/dashboard', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['follow-up'], summary: 'The funnel from groups to replication, travel CO2 and impact', params: SlugParams, response: { 200: Dashboard } },
    handler: async (request) => programmeDashboard(app.db, request.params.slug, app.now()),
  });

  app.get('/api/programmes/:slug/dashboard.:format', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['follow-up'], summary: 'The dashboard figures as CSV or Excel', params: SlugParams.extend({ format: ExportFormat }) },
    handler: async (request, reply) => {
      const d = await programmeDashboard(app.db, request.params.slug, app.now());
      return sendTable(
        reply,
        {
          sheetName: 'Dashboard',
          columns: [{ header: 'figure', width: 40 }, { header: 'value', width: 14 }],
          rows: [
            ...d.funnel.map((f) => [`cities: ${f.step.replace('_', ' ')}`, f.cities] as const),
            ['travel CO2 (kg)', d.travelCo2Kg],
            ['replication plans', d.impact.plans],
            ['replicated', d.impact.replicated],
            ['in progress', d.impact.inProgress],
            ['expected tCO2e a year', d.impact.expectedTco2ePerYear],
            ...d.impact.bySector.map((s) => [`sector ${s.name}: replicated or in progress`, s.replicated + s.inProgress] as const),
            ...d.impact.byCountry.map((s) => [`country ${s.name}: replicated or in progress`, s.replicated + s.inProgress] as const),
            ['meetings with Mission Cities: requested', d.missionMeetings.requests],
            ['meetings with Mission Cities: accepted', d.missionMeetings.accepted],
            ...d.missionMeetings.bySector.flatMap((s) => [[`meetings, sector ${s.name}: requested`, s.requests] as const, [`meetings, sector ${s.name}: accepted`, s.accepted] as const]),
            ...d.missionMeetings.byCountry.flatMap((s) => [[`meetings, country ${s.name}: requested`, s.requests] as const, [`meetings, country ${s.name}: accepted`, s.accepted] as const]),
          ],
        },
        request.params.format,
        `${request.params.slug}-dashboard`,
      );
    },
  });
}
