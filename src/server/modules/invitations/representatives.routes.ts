import { z } from 'zod';
import { Invitation } from '../../../shared/account.schemas.ts';
import { CityRepresentatives, InviteRepresentativeBody, PrimaryContactBody, RepresentativeParams } from '../../../shared/people.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { cityRepresentatives, handOverPrimaryContact, inviteRepresentative, removeRepresentative } from './representatives.service.ts';
import { text } from '../../../shared/text.ts';

// Which city is the service's to check (representatives.service.ts): a
// representative of one city is refused another's with the reason.
const cityPeople = ['programme_manager', 'city_representative'] as const;
const CitySlugParams = z.object({ slug: text().min(1).max(100) });

export async function representativeRoutes(app: App) {
  app.get('/api/cities/:slug/representatives', {
    config: { access: cityPeople },
    schema: {
      tags: ['people'],
      summary: 'Who represents the city, primary contact first, and who is invited to (its representatives and programme managers)',
      params: CitySlugParams,
      response: { 200: CityRepresentatives, 403: Problem, 404: Problem },
    },
    handler: async (request) => cityRepresentatives(app.db, request.params.slug, requireUser(request)),
  });

  app.post('/api/cities/:slug/representatives/invitations', {
    config: { access: cityPeople },
    schema: {
      tags: ['people'],
      summary: 'Invite a colleague to represent the city (its primary contact and programme managers)',
      params: CitySlugParams,
      body: InviteRepresentativeBody,
      response: { 201: Invitation, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      const invitation = await inviteRepresentative(app.db, {
        slug: request.params.slug,
        body: request.body,
        actor: requireUser(request),
        publicUrl: app.config.publicUrl,
        ip: request.ip,
      });
      return reply.status(201).send(invitation);
    },
  });

  app.delete('/api/cities/:slug/representatives/:personId', {
    config: { access: cityPeople },
    schema: {
      tags: ['people'],
      summary: 'Remove a representative of the city (never the last one; the primary contact hands over first)',
      params: RepresentativeParams,
      response: { 200: CityRepresentatives, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => removeRepresentative(app.db, { slug: request.params.slug, personId: request.params.personId, actor: requireUser(request), ip: request.ip }),
  });

  app.put('/api/cities/:slug/primary-contact', {
    config: { access: cityPeople },
    schema: {
      tags: ['people'],
      summary: 'Make another active representative the city’s primary contact',
      params: CitySlugParams,
      body: PrimaryContactBody,
      response: { 200: CityRepresentatives, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) =>
      handOverPrimaryContact(app.db, { slug: request.params.slug, personId: request.body.personId, actor: requireUser(request), publicUrl: app.config.publicUrl, ip: request.ip }),
  });
}
