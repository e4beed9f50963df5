import { z } from 'zod';
import { SessionState, SignInBody } from '../../../shared/account.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { clearSessionCookie, csrfTokenFor, setSessionCookie } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { signIn, signOut } from './session.service.ts';

export async function sessionRoutes(app: App) {
  app.get('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Who is signed in, and the CSRF token for changes', response: { 200: SessionState } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { user: request.user, csrfToken: csrfTokenFor(request, reply) };
    },
  });

  app.post('/api/session', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Sign in with email and password',
      body: SignInBody,
      response: { 200: SessionState, 401: Problem, 403: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { token, user } = await signIn(
        app.db,
        { ...request.body, passwordHashCost: app.config.passwordHashCost, previousToken: request.sessionToken },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      );
      setSessionCookie(request, reply, token);
      return { user, csrfToken: csrfTokenFor(request, reply, token) };
    },
  });

  app.delete('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Sign out (ends the session on the server)', response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.sessionToken) await signOut(app.db, request.sessionToken, app.sessionCache, request.ip);
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  });
}
