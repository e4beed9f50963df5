import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SessionState, SignInBody } from '../../../shared/account.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { clearSessionCookie, csrfTokenFor, setSessionCookie } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { signIn, signOut } from './session.service.ts';

/**
 * Two-step sign-in plugs in here: app.ts passes modules/two-factor's hook, so
 * this lower module never imports it (docs/decisions/0027-two-factor.md).
 */
export interface SecondStepHook {
  /** After the right password: whether a code is needed before a session. */
  needed(request: FastifyRequest, personId: string): Promise<boolean>;
  /** Starts the pending second step (its cookie) instead of a session. */
  begin(request: FastifyRequest, reply: FastifyReply, personId: string): Promise<void>;
}

export async function sessionRoutes(app: App, options: { secondStep?: SecondStepHook } = {}) {
  const { secondStep } = options;
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
      summary: 'Sign in with email and password (with two-step sign-in on, answers secondStep: a code comes next)',
      body: SignInBody,
      response: { 200: SessionState, 401: Problem, 403: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const result = await signIn(
        app.db,
        {
          ...request.body,
          passwordHashCost: app.config.passwordHashCost,
          previousToken: request.sessionToken,
          ...(secondStep ? { needsSecondStep: (personId: string) => secondStep.needed(request, personId) } : {}),
        },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      );
      if ('secondStepFor' in result) {
        await secondStep?.begin(request, reply, result.secondStepFor);
        return { user: null, csrfToken: csrfTokenFor(request, reply), secondStep: true as const };
      }
      setSessionCookie(request, reply, result.token);
      return { user: result.user, csrfToken: csrfTokenFor(request, reply, result.token) };
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
