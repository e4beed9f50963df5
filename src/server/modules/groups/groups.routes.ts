import { z } from 'zod';
import { CreateGroupBody, DecideMembershipBody, ExpressInterestBody, Group, GroupProgress, GroupSummary } from '../../../shared/group.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { createGroup, decideMember, expressInterest, getGroup, groupProgress, listGroups } from './groups.service.ts';
import { text } from '../../../shared/text.ts';

const IdParams = z.object({ id: z.uuid() });

export async function groupRoutes(app: App) {
  app.get('/api/programmes/:slug/groups', {
    config: { access: 'public' },
    schema: { tags: ['groups'], summary: 'The discussion groups of a programme', params: z.object({ slug: text().min(1).max(80) }), response: { 200: z.object({ items: z.array(GroupSummary) }) } },
    handler: async (request) => ({ items: await listGroups(app.db, request.params.slug) }),
  });

  app.post('/api/programmes/:slug/groups', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['groups'], summary: 'Create a discussion group (a facilitator who creates one facilitates it)', params: z.object({ slug: text().min(1).max(80) }), body: CreateGroupBody, response: { 201: Group, 409: Problem } },
    handler: async (request, reply) => reply.status(201).send(await createGroup(app.db, { slug: request.params.slug, body: request.body, actor: requireUser(request), ip: request.ip })),
  });

  app.get('/api/groups/:id', {
    config: { access: 'public' },
    schema: { tags: ['groups'], summary: 'A group: phases, facilitators and (for those involved) its cities', params: IdParams, response: { 200: Group } },
    handler: async (request) => getGroup(app.db, request.params.id, request.user),
  });

  app.post('/api/groups/:id/interest', {
    config: { access: ['city_representative'] },
    schema: { tags: ['groups'], summary: 'Express your city’s interest in joining', params: IdParams, body: ExpressInterestBody, response: { 200: Group, 409: Problem } },
    handler: async (request) => expressInterest(app.db, { groupId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip }),
  });

  app.put('/api/groups/:id/members/:cityId', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: {
      tags: ['groups'],
      summary: 'Admit or decline a city (the group’s facilitators and programme managers)',
      params: IdParams.extend({ cityId: z.uuid() }),
      body: DecideMembershipBody,
      response: { 200: Group, 409: Problem },
    },
    handler: async (request) => decideMember(app.db, { groupId: request.params.id, cityId: request.params.cityId, status: request.body.status, actor: requireUser(request), ip: request.ip }),
  });

  app.get('/api/groups/:id/progress', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'Phases completed per city; attendance per meeting (facilitators and managers)', params: IdParams, response: { 200: GroupProgress } },
    handler: async (request) => groupProgress(app.db, request.params.id, requireUser(request)),
  });
}
