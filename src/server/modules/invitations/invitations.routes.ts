import { z } from 'zod';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  Invitation,
  InvitationPage,
  InvitationPreview,
  InvitationQuery,
  SessionState,
  TokenParams,
} from '../../../shared/account.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { csrfTokenFor, requireUser, setSessionCookie } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { secondStepHook } from '../two-factor/two-factor.routes.ts';
import { acceptInvitation, createInvitation, pageOfInvitations, previewInvitation, resendInvitation, revokeInvitation } from './invitations.service.ts';

const managers = ['programme_manager'] as const;

export async function invitationRoutes(app: App) {
  app.get('/api/invitations', {
    config: { access: managers },
    schema: { tags: ['invitations'], summary: 'Invitations, newest first (`email`: only those sent to one address)', querystring: InvitationQuery, response: { 200: InvitationPage } },
    handler: async (request) => pageOfInvitations(app.db, request.query),
  });

  app.post('/api/invitations', {
    config: { access: managers },
    schema: {
      tags: ['invitations'],
      summary: 'Invite a person by email with a role, and more roles without a city (`otherRoles`)',
      body: CreateInvitationBody,
      response: { 201: Invitation, 409: Problem },
    },
    handler: async (request, reply) => {
      const invitation = await createInvitation(app.db, {
        body: request.body,
        actor: requireUser(request),
        publicUrl: app.config.publicUrl,
        ip: request.ip,
      });
      return reply.status(201).send(invitation);
    },
  });

  app.delete('/api/invitations/:id', {
    config: { access: managers },
    schema: { tags: ['invitations'], summary: 'Revoke a pending invitation', params: z.object({ id: z.uuid() }), response: { 204: z.null(), 404: Problem, 409: Problem } },
    handler: async (request, reply) => {
      await revokeInvitation(app.db, { id: request.params.id, actor: requireUser(request), ip: request.ip });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/invitations/:id/resend', {
    config: { access: managers },
    schema: {
      tags: ['invitations'],
      summary: 'Send a pending or expired invitation again: a new link, valid seven more days (the old link stops working)',
      params: z.object({ id: z.uuid() }),
      response: { 200: Invitation, 404: Problem, 409: Problem },
    },
    handler: async (request) => resendInvitation(app.db, { id: request.params.id, actor: requireUser(request), publicUrl: app.config.publicUrl, ip: request.ip }),
  });

  app.get('/api/invitations/by-token/:token', {
    config: { access: 'public' },
    schema: { tags: ['invitations'], summary: 'What an invitation link offers', params: TokenParams, response: { 200: InvitationPreview, 410: Problem } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return previewInvitation(app.db, request.params.token);
    },
  });

  app.post('/api/invitations/by-token/:token/accept', {
    config: { access: 'public' },
    schema: {
      tags: ['invitations'],
      summary: 'Accept an invitation and sign in',
      params: TokenParams,
      body: AcceptInvitationBody,
      response: { 200: SessionState, 400: Problem, 401: Problem, 403: Problem, 410: Problem },
    },
    handler: async (request, reply) => {
      const { sessionToken, user } = await acceptInvitation(
        app.db,
        {
          token: request.params.token,
          body: request.body,
          passwordHashCost: app.config.passwordHashCost,
          previousSessionToken: request.sessionToken,
          needsSecondStep: (personId) => secondStepHook.needed(request, personId),
        },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      );
      if (sessionToken === null) {
        // The role is granted; the account uses two-step sign-in, so a code comes before a session.
        await secondStepHook.begin(request, reply, user.id);
        return { user: null, csrfToken: csrfTokenFor(request, reply), secondStep: true as const };
      }
      setSessionCookie(request, reply, sessionToken);
      return { user, csrfToken: csrfTokenFor(request, reply, sessionToken) };
    },
  });
}
