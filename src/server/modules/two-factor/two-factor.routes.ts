import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SessionState } from '../../../shared/account.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import {
  ConfirmTwoFactorBody,
  DisableTwoFactorBody,
  RecoveryCodes,
  RegenerateRecoveryCodesBody,
  SecondStepBody,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '../../../shared/two-factor.schemas.ts';
import { csrfTokenFor, requireUser, setSessionCookie } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import type { SecondStepHook } from '../session/session.routes.ts';
import { text } from '../../../shared/text.ts';
import {
  CHALLENGE_COOKIE,
  completeSecondStep,
  confirmEnrolment,
  DEVICE_COOKIE,
  disable,
  forgetDevice,
  needsSecondStep,
  regenerateRecoveryCodes,
  startChallenge,
  startEnrolment,
  statusOf,
  TWO_FACTOR_POLICY,
} from './two-factor.service.ts';

function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/api/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** What POST /api/session asks after the right password (registered with the session routes in app.ts). */
export const secondStepHook: SecondStepHook = {
  needed: (request, personId) => needsSecondStep(request.server.db, personId, request.cookies[DEVICE_COOKIE]),
  async begin(request, reply, personId) {
    const token = await startChallenge(request.server.db, personId);
    reply.setCookie(CHALLENGE_COOKIE, token, cookieOptions(request, TWO_FACTOR_POLICY.challengeLifetimeMs / 1000));
  },
};

/** Routes a programme manager who must still set up two-step sign-in may call (plugins/two-factor.plugin.ts). */
const SETUP = { access: 'signed-in', secondFactorSetup: true } as const;

export async function twoFactorRoutes(app: App) {
  app.post('/api/session/second-step', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Second step of a sign-in: a code from the authenticator app or a recovery code',
      body: SecondStepBody,
      response: { 200: SessionState, 400: Problem, 401: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const result = await completeSecondStep(
        app.db,
        {
          challengeToken: request.cookies[CHALLENGE_COOKIE],
          code: request.body.code,
          rememberDevice: request.body.rememberDevice,
          previousToken: request.sessionToken,
        },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      );
      reply.clearCookie(CHALLENGE_COOKIE, cookieOptions(request));
      setSessionCookie(request, reply, result.token);
      if (result.deviceToken) reply.setCookie(DEVICE_COOKIE, result.deviceToken, cookieOptions(request, TWO_FACTOR_POLICY.rememberDeviceMs / 1000));
      return { user: result.user, csrfToken: csrfTokenFor(request, reply, result.token) };
    },
  });

  app.get('/api/me/two-factor', {
    config: SETUP,
    schema: { tags: ['account'], summary: 'Whether my two-step sign-in is on, recovery codes left, remembered browsers', response: { 200: TwoFactorStatus } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return statusOf(app.db, requireUser(request), app.config.secondFactorForManagers, new Date());
    },
  });

  app.post('/api/me/two-factor/enrolment', {
    config: SETUP,
    schema: {
      tags: ['account'],
      summary: 'Start setting up two-step sign-in: a new secret, as a QR code and as text, shown this once',
      response: { 200: TwoFactorEnrolment, 409: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return startEnrolment(app.db, requireUser(request));
    },
  });

  app.post('/api/me/two-factor/enrolment/confirm', {
    config: SETUP,
    schema: {
      tags: ['account'],
      summary: 'Turn two-step sign-in on with a code from the app; answers ten recovery codes, shown this once',
      body: ConfirmTwoFactorBody,
      response: { 200: RecoveryCodes, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { recoveryCodes: await confirmEnrolment(app.db, requireUser(request), request.body.code, request.ip) };
    },
  });

  app.post('/api/me/two-factor/recovery-codes', {
    config: SETUP,
    schema: {
      tags: ['account'],
      summary: 'New recovery codes (the old ones stop working), with a code from the app',
      body: RegenerateRecoveryCodesBody,
      response: { 200: RecoveryCodes, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { recoveryCodes: await regenerateRecoveryCodes(app.db, requireUser(request), request.body.code, request.ip) };
    },
  });

  app.post('/api/me/two-factor/disable', {
    config: SETUP,
    schema: {
      tags: ['account'],
      summary: 'Turn two-step sign-in off (password and a code); forgets remembered browsers',
      body: DisableTwoFactorBody,
      response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      await disable(app.db, requireUser(request), {
        password: request.body.password,
        code: request.body.code,
        requiredForManagers: app.config.secondFactorForManagers,
        ip: request.ip,
      });
      reply.clearCookie(DEVICE_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  });

  app.delete('/api/me/two-factor/devices/:deviceId', {
    config: SETUP,
    schema: {
      tags: ['account'],
      summary: 'Forget a remembered browser: it asks for a code at the next sign-in',
      params: z.object({ deviceId: text().uuid() }),
      response: { 204: z.null(), 404: Problem },
    },
    handler: async (request, reply) => {
      await forgetDevice(app.db, requireUser(request), request.params.deviceId);
      return reply.status(204).send(null);
    },
  });
}
