import { Person, PersonParams } from '../../../shared/people.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { deactivateAccount, reactivateAccount } from './deactivation.service.ts';

const managers = ['programme_manager'] as const;

export async function deactivationRoutes(app: App) {
  app.put('/api/people/:id/deactivation', {
    config: { access: managers },
    schema: {
      tags: ['people'],
      summary: 'Deactivate an account: no more sign-in, every session ends now, the records stay (never your own, never the last active manager)',
      params: PersonParams,
      response: { 200: Person, 404: Problem, 409: Problem },
    },
    handler: async (request) => deactivateAccount(app.db, { personId: request.params.id, actor: requireUser(request), ip: request.ip, cache: app.sessionCache }),
  });

  app.delete('/api/people/:id/deactivation', {
    config: { access: managers },
    schema: { tags: ['people'], summary: 'Reactivate an account: the person signs in with their password again (never an erased one)', params: PersonParams, response: { 200: Person, 404: Problem, 409: Problem } },
    handler: async (request) => reactivateAccount(app.db, { personId: request.params.id, actor: requireUser(request), publicUrl: app.config.publicUrl, ip: request.ip }),
  });
}
