import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import {
  ApproveBody,
  DeclineBody,
  Decision,
  MergeBody,
  MyRegistration,
  RegistrationQueue,
  RegistrationSettings,
  RegistrationSettingsBody,
  SignUpAccepted,
  SignUpBody,
  Verified,
  VerifyBody,
} from '../../../shared/registration.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import {
  approveRegistration,
  changeRegistrationSettings,
  declineRegistration,
  mergeRegistration,
  myRegistration,
  registrationQueue,
  registrationSettings,
  signUp,
  verifyRegistration,
} from './registration.service.ts';

const managers = ['programme_manager'] as const;
// A city's primary contact decides second claims on their city (the service checks it).
const deciders = ['programme_manager', 'city_representative'] as const;
const Id = z.object({ id: z.uuid() });

export async function registrationRoutes(app: App) {
  app.get('/api/registration/settings', {
    config: { access: 'public' },
    schema: { tags: ['registration'], summary: 'Whether anyone may sign up, and whom to ask for an invitation otherwise', response: { 200: RegistrationSettings } },
    handler: async () => registrationSettings(app.db, app.config.contactEmail),
  });

  app.put('/api/registration/settings', {
    config: { access: managers },
    schema: { tags: ['registration'], summary: 'Open or close registration', body: RegistrationSettingsBody, response: { 200: RegistrationSettings } },
    handler: async (request) =>
      changeRegistrationSettings(app.db, { open: request.body.open, actor: requireUser(request), ip: request.ip, contactEmail: app.config.contactEmail }),
  });

  app.post('/api/registrations', {
    config: { access: 'public' },
    schema: {
      tags: ['registration'],
      summary: 'Sign up with the city one represents: the same answer whether the address is new or known (an email says what follows)',
      body: SignUpBody,
      response: { 202: SignUpAccepted, 400: Problem, 403: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      await signUp(app.db, request.body, {
        publicUrl: app.config.publicUrl,
        contactEmail: app.config.contactEmail,
        passwordHashCost: app.config.passwordHashCost,
        ip: request.ip,
        now: app.now(),
      });
      return reply.status(202).send({ status: 'check-email' as const });
    },
  });

  app.post('/api/registrations/verify', {
    config: { access: 'public' },
    schema: { tags: ['registration'], summary: 'Confirm the email address of a registration (the link emailed)', body: VerifyBody, response: { 200: Verified, 410: Problem, 429: Problem } },
    handler: async (request) => {
      await verifyRegistration(app.db, request.body.token, { ip: request.ip, now: app.now(), publicUrl: app.config.publicUrl });
      return { status: 'verified' as const };
    },
  });

  app.get('/api/registration', {
    config: { access: 'signed-in', pendingAllowed: true },
    schema: { tags: ['registration'], summary: 'The signed-in person’s own registration and where it stands', response: { 200: MyRegistration, 404: Problem } },
    handler: async (request) => myRegistration(app.db, requireUser(request)),
  });

  app.get('/api/registrations', {
    config: { access: deciders },
    schema: {
      tags: ['registration'],
      summary: 'Registrations waiting for a decision, new cities first (a primary contact sees the claims on their city)',
      response: { 200: RegistrationQueue },
    },
    handler: async (request) => registrationQueue(app.db, requireUser(request)),
  });

  const decision = (request: FastifyRequest, version: number, id: string) => ({
    id,
    version,
    actor: requireUser(request),
    ip: request.ip,
    publicUrl: app.config.publicUrl,
    contactEmail: app.config.contactEmail,
    now: app.now(),
  });

  app.post('/api/registrations/:id/approve', {
    config: { access: deciders },
    schema: {
      tags: ['registration'],
      summary: 'Approve: a new city enters the registry and the person represents it (a primary contact confirms a claim on their city)',
      params: Id,
      body: ApproveBody,
      response: { 200: Decision, 404: Problem, 409: Problem },
    },
    handler: async (request) => approveRegistration(app.db, { ...decision(request, request.body.version, request.params.id), geonamesId: request.body.geonamesId, location: request.body.location }),
  });

  app.post('/api/registrations/:id/merge', {
    config: { access: managers },
    schema: {
      tags: ['registration'],
      summary: 'Approve into an existing city of the registry instead of the one claimed',
      params: Id,
      body: MergeBody,
      response: { 200: Decision, 404: Problem, 409: Problem },
    },
    handler: async (request) => mergeRegistration(app.db, { ...decision(request, request.body.version, request.params.id), cityId: request.body.cityId }),
  });

  app.post('/api/registrations/:id/decline', {
    config: { access: deciders },
    schema: { tags: ['registration'], summary: 'Decline with a reason the person reads', params: Id, body: DeclineBody, response: { 200: Decision, 404: Problem, 409: Problem } },
    handler: async (request) => declineRegistration(app.db, { ...decision(request, request.body.version, request.params.id), reason: request.body.reason }),
  });
}
