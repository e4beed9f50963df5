import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { EndedSessions, MySessions, SessionIdParams } from '../../../shared/sessions.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { hashToken } from '../auth/tokens.ts';
import { endMyOtherSessions, endMySession, listMySessions } from './my-sessions.service.ts';

/** My sessions: see where I am signed in, end one, or all but this one (decision 0026). */
export async function mySessionsRoutes(app: App) {
  const currentHash = (token: string | null) => (token ? hashToken(token) : null);

  app.get('/api/me/sessions', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['account'], summary: 'Where I am signed in: my live sessions, this one marked', response: { 200: MySessions } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listMySessions(app.db, requireUser(request), currentHash(request.sessionToken), new Date()) };
    },
  });

  app.delete('/api/me/sessions', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['account'], summary: 'Sign out everywhere else: end all my sessions but this one', response: { 200: EndedSessions } },
    handler: async (request) =>
      endMyOtherSessions(app.db, { user: requireUser(request), currentTokenHash: currentHash(request.sessionToken), ip: request.ip, cache: app.sessionCache }),
  });

  app.delete('/api/me/sessions/:id', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['account'], summary: 'End one of my sessions', params: SessionIdParams, response: { 204: z.null(), 404: Problem } },
    handler: async (request, reply) => {
      await endMySession(app.db, { user: requireUser(request), id: request.params.id, ip: request.ip, cache: app.sessionCache });
      return reply.status(204).send(null);
    },
  });
}
