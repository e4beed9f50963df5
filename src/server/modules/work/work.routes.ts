import { MyWork } from '../../../shared/work.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { myWork } from './work.service.ts';

export async function workRoutes(app: App) {
  app.get('/api/me/work', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['account'],
      summary: 'What needs me now: a queue for each role I hold, the most urgent first (the start page)',
      response: { 200: MyWork },
    },
    handler: async (request) => myWork(app.db, requireUser(request), app.now()),
  });
}
