import { z } from 'zod';
import { RequestPasswordResetBody, ResetPasswordBody, TokenParams } from '../../../shared/account.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import type { App } from '../../route-types.ts';
import { requestPasswordReset, resetPassword } from './password-resets.service.ts';
import { text } from '../../../shared/text.ts';

export async function passwordResetRoutes(app: App) {
  app.post('/api/password-resets', {
    config: { access: 'public' },
    schema: {
      tags: ['account'],
      summary: 'Email a password reset link (same answer whether or not the account exists)',
      body: RequestPasswordResetBody,
      response: { 202: z.object({ message: text() }) },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(app.db, { email: request.body.email, publicUrl: app.config.publicUrl, ip: request.ip });
      return reply.status(202).send({ message: 'If an account exists for this address, a reset link is on its way.' });
    },
  });

  app.post('/api/password-resets/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['account'],
      summary: 'Choose a new password with a reset link',
      params: TokenParams,
      body: ResetPasswordBody,
      response: { 204: z.null(), 400: Problem, 410: Problem },
    },
    handler: async (request, reply) => {
      await resetPassword(app.db, {
        token: request.params.token,
        password: request.body.password,
        passwordHashCost: app.config.passwordHashCost,
        ip: request.ip,
        publicUrl: app.config.publicUrl,
        cache: app.sessionCache,
      });
      return reply.status(204).send(null);
    },
  });
}
