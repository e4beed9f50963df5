import { CitySlugParams } from '../../../shared/city.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { CityPrioritiesAnswer } from '../../../shared/survey.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { cityPriorities } from './city-priorities.service.ts';

export async function cityPriorityRoutes(app: App) {
  app.get('/api/cities/:slug/priorities', {
    config: { access: ['programme_manager', 'city_representative'] },
    schema: {
      tags: ['cities'],
      summary: 'The city’s priority sectors and levers from its latest named answer to the support-needs survey (managers and the city’s representatives; `priorities: null` while it has none; 404 when the city is not theirs)',
      params: CitySlugParams,
      response: { 200: CityPrioritiesAnswer, 404: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return cityPriorities(app.db, request.params.slug, requireUser(request));
    },
  });
}
