import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasRole } from '../../shared/role-predicates.ts';
import { AppError } from '../errors.ts';
import { isEnrolled } from '../modules/two-factor/two-factor.repository.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A signed-in route a programme manager may call before setting up a required two-step sign-in. */
    secondFactorSetup?: boolean;
  }
}

/**
 * With SECOND_FACTOR_FOR_MANAGERS on, a programme manager without two-step
 * sign-in gets 403 SECOND_FACTOR_ENROLMENT_REQUIRED on every signed-in route
 * but the set-up ones; the web app recognises the code and opens the set-up
 * (docs/decisions/0027-two-factor.md). Registered after the auth plugin.
 */
export const twoFactorPlugin = fp(async (app: FastifyInstance) => {
  if (!app.config.secondFactorForManagers) return;
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public' || request.routeOptions.config.secondFactorSetup) return;
    const user = request.user;
    if (!user || !hasRole(user, 'programme_manager')) return;
    if (await isEnrolled(app.db, user.id)) return;
    throw new AppError(
      'SECOND_FACTOR_ENROLMENT_REQUIRED',
      'Programme managers sign in in two steps: set up two-step sign-in on your account page before anything else.',
    );
  });
});
