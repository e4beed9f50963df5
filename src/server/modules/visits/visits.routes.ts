import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { CreateAgendaItemBody, CreateVisitsBody, DelegationBody, HostUnavailableBody, ScheduleAnswer, ScheduleBody, Visit, VisitSummary } from '../../../shared/visit.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { addAgendaItem, confirmVisits, createVisits, getVisit, listVisits, proposeSchedule, saveDelegation, updateHostUnavailable, visitCalendar } from './visits.service.ts';
import { text } from '../../../shared/text.ts';

const SlugParams = z.object({ slug: text().min(1).max(80) });
const IdParams = z.object({ id: z.uuid() });

export async function visitRoutes(app: App) {
  app.get('/api/programmes/:slug/visits', {
    config: { access: 'public' },
    schema: { tags: ['visits'], summary: 'The study visits of a programme (no personal data)', params: SlugParams, response: { 200: z.object({ items: z.array(VisitSummary) }) } },
    handler: async (request) => ({ items: await listVisits(app.db, request.params.slug) }),
  });

  app.post('/api/programmes/:slug/visits', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['visits'],
      summary: 'Create one visit per host from a placement of the selected visitors (as publishing a match does)',
      params: SlugParams,
      body: CreateVisitsBody,
      response: { 201: z.object({ items: z.array(VisitSummary) }), 409: Problem },
    },
    handler: async (request, reply) =>
      reply.status(201).send({ items: await createVisits(app.db, { slug: request.params.slug, placements: request.body.placements, matchingRunId: null, actor: requireUser(request), ip: request.ip }) }),
  });

  app.post('/api/programmes/:slug/visits/schedule', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['visits'], summary: 'Propose dates for all visits at once (and apply them)', params: SlugParams, body: ScheduleBody, response: { 200: ScheduleAnswer, 409: Problem } },
    handler: async (request) => proposeSchedule(app.db, { slug: request.params.slug, ...request.body, actor: requireUser(request), ip: request.ip, now: app.now() }),
  });

  app.post('/api/programmes/:slug/visits/confirm', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['visits'], summary: 'Fix the schedule and email everyone involved', params: SlugParams, response: { 200: z.object({ items: z.array(VisitSummary) }), 409: Problem } },
    handler: async (request) => ({ items: await confirmVisits(app.db, { slug: request.params.slug, actor: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl }) }),
  });

  app.get('/api/visits/:id', {
    config: { access: 'public' },
    schema: { tags: ['visits'], summary: 'A study visit: agenda, cities, travel CO2; delegates only for those entitled', params: IdParams, response: { 200: Visit } },
    handler: async (request) => getVisit(app.db, request.params.id, request.user),
  });

  app.put('/api/visits/:id/host-unavailable', {
    config: { access: 'signed-in' },
    schema: { tags: ['visits'], summary: 'Dates the host cannot receive visitors', params: IdParams, body: HostUnavailableBody, response: { 200: Visit } },
    handler: async (request) => updateHostUnavailable(app.db, { visitId: request.params.id, dates: request.body.dates, user: requireUser(request), ip: request.ip }),
  });

  app.post('/api/visits/:id/agenda', {
    config: { access: 'signed-in' },
    schema: { tags: ['visits'], summary: 'Add an agenda item (host, facilitator, managers); refused once the visit is over, or when it overlaps another item of the day', params: IdParams, body: CreateAgendaItemBody, response: { 200: Visit, 400: Problem, 409: Problem } },
    handler: async (request) => addAgendaItem(app.db, { visitId: request.params.id, item: request.body, user: requireUser(request), ip: request.ip, now: app.now() }),
  });

  app.put('/api/visits/:id/delegations/:cityId', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['visits'],
      summary: 'Name a visiting city’s delegates and travel mode (CO2 computed)',
      params: IdParams.extend({ cityId: z.uuid() }),
      body: DelegationBody,
      response: { 200: Visit },
    },
    handler: async (request) => saveDelegation(app.db, { visitId: request.params.id, cityId: request.params.cityId, ...request.body, user: requireUser(request), ip: request.ip }),
  });

  app.get('/api/visits/:id/calendar.ics', {
    config: { access: 'signed-in' },
    schema: { tags: ['visits'], summary: 'The visit and its agenda as an iCalendar file', params: IdParams, produces: ['text/calendar'] },
    handler: async (request, reply) =>
      reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="study-visit.ics"').send(await visitCalendar(app.db, request.params.id, requireUser(request))),
  });
}
