import { z } from 'zod';
import { ProgrammeOutcomes } from '../../../shared/outcomes.schemas.ts';
import type { App } from '../../route-types.ts';
import { programmeOutcomes } from './outcomes.service.ts';
import { text } from '../../../shared/text.ts';

const SlugParams = z.object({ slug: text().min(1).max(80) });

export async function outcomeRoutes(app: App) {
  app.get('/api/programmes/:slug/outcomes', {
    config: { access: 'public' },
    schema: {
      tags: ['follow-up'],
      summary: 'The published outcomes of a programme: cities, confirmed visits, replication (no personal data)',
      params: SlugParams,
      response: { 200: ProgrammeOutcomes },
    },
    handler: async (request) => programmeOutcomes(app.db, request.params.slug),
  });
}
