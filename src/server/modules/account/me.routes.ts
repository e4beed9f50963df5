import { z } from 'zod';
import { ChangePasswordBody, CurrentUser, Me, UpdateMeBody } from '../../../shared/account.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { meOf } from '../consent/consent.service.ts';
import { changePassword, updateProfile } from './me.service.ts';

export async function meRoutes(app: App) {
  app.get('/api/me', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['account'], summary: 'My account, whether I need to accept the privacy notice in force, and my opt-ins', response: { 200: Me } },
    handler: async (request) => meOf(app.db, requireUser(request)),
  });

  app.patch('/api/me', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['account'], summary: 'Change my name or language', body: UpdateMeBody, response: { 200: CurrentUser } },
    handler: async (request) => updateProfile(app.db, requireUser(request), request.body),
  });

  app.post('/api/me/password', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: {
      tags: ['account'],
      summary: 'Change my password (ends my other sessions; a few wrong current passwords block it for 15 minutes)',
      body: ChangePasswordBody,
      response: { 204: z.null(), 400: Problem, 401: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      await changePassword(app.db, {
        user: requireUser(request),
        body: request.body,
        sessionToken: request.sessionToken,
        passwordHashCost: app.config.passwordHashCost,
        ip: request.ip,
        publicUrl: app.config.publicUrl,
        cache: app.sessionCache,
      });
      return reply.status(204).send(null);
    },
  });
}
