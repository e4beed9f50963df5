import { PersonParams } from '../../../shared/people.schemas.ts';
import { ErasureReport, ManagerErasureBody, SelfErasureBody } from '../../../shared/personal-data.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { eraseAccount, eraseMyAccount } from './erasure.service.ts';

export async function erasureRoutes(app: App) {
  app.post('/api/me/erasure', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: {
      tags: ['account'],
      summary: 'Erase my account for good (my password and the word ERASE): answers what was deleted, anonymised and kept, and why',
      body: SelfErasureBody,
      response: { 200: ErasureReport, 400: Problem, 401: Problem, 409: Problem },
    },
    handler: async (request) => eraseMyAccount(app.db, { user: requireUser(request), ...request.body, now: app.now() }),
  });

  app.post('/api/people/:id/erasure', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['people'],
      summary: "Erase a person's account on their request (a reason and the word ERASE; audited): answers what was deleted, anonymised and kept, and why",
      params: PersonParams,
      body: ManagerErasureBody,
      response: { 200: ErasureReport, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) =>
      eraseAccount(app.db, { personId: request.params.id, actor: requireUser(request), ...request.body, ip: request.ip, now: app.now() }),
  });
}
