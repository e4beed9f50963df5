import { z } from 'zod';
import { ProposedCities } from '../../../shared/group-proposal.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { proposedCities } from './proposed-cities.service.ts';

export async function proposedCityRoutes(app: App) {
  app.get('/api/groups/:id/proposed-cities', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: {
      tags: ['groups'],
      summary: 'Cities the group could invite: their priority sectors (support-needs survey) are among the group’s; most shared first (the group’s facilitators and programme managers)',
      params: z.object({ id: z.uuid() }),
      response: { 200: ProposedCities, 403: Problem, 404: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return proposedCities(app.db, request.params.id, requireUser(request));
    },
  });
}
