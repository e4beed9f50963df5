import { Problem } from '../../../shared/problem.ts';
import { PublicationConsent, PublishAnswer, PublishedAnswer, PublishedAnswerParams, SupportPublication, UnpublishAnswer } from '../../../shared/published-answers.schemas.ts';
import { SupportRequestParams } from '../../../shared/support.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { publishAnswer, readPublication, readPublishedAnswer, setConsent, unpublishAnswer } from './published-answers.service.ts';
import { SUPPORT_PARTIES } from './support.routes.ts';

/** Answers become knowledge (docs/support.md, "Knowledge"). A request that is not the caller's answers 404. */
export async function publishedAnswerRoutes(app: App) {
  const ctx = (request: { ip: string }) => ({ now: app.now(), ip: request.ip, publicUrl: app.config.publicUrl });

  app.get('/api/support-requests/:id/publication', {
    config: { access: [...SUPPORT_PARTIES] },
    schema: { tags: ['support'], summary: 'The request’s way into the library: the city’s consent, the entry (pre-filled without personal data) and what I may do', params: SupportRequestParams, response: { 200: SupportPublication, 404: Problem } },
    handler: async (request) => readPublication(app.db, { id: request.params.id, user: requireUser(request) }),
  });

  app.put('/api/support-requests/:id/publication/consent', {
    config: { access: ['city_representative'] },
    schema: {
      tags: ['support'],
      summary: 'The city consents to publishing its answered request in the library, or withdraws its consent before publication (409 after)',
      params: SupportRequestParams,
      body: PublicationConsent,
      response: { 200: SupportPublication, 404: Problem, 409: Problem },
    },
    handler: async (request) => setConsent(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.post('/api/support-requests/:id/publication', {
    config: { access: ['programme_manager'] },
    schema: {
      tags: ['support'],
      summary: 'A programme manager publishes the edited entry in the library (without the city’s consent: 409 PUBLICATION_CONSENT_REQUIRED); the city is told',
      params: SupportRequestParams,
      body: PublishAnswer,
      response: { 200: SupportPublication, 404: Problem, 409: Problem },
    },
    handler: async (request) => publishAnswer(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.post('/api/support-requests/:id/publication/unpublish', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['support'], summary: 'A programme manager takes the entry out of the library', params: SupportRequestParams, body: UnpublishAnswer, response: { 200: SupportPublication, 404: Problem, 409: Problem } },
    handler: async (request) => unpublishAnswer(app.db, { id: request.params.id, user: requireUser(request), body: request.body, ...ctx(request) }),
  });

  app.get('/api/published-answers/:id', {
    config: { access: 'public' },
    schema: { tags: ['support'], summary: 'A question and answer published in the library', params: PublishedAnswerParams, response: { 200: PublishedAnswer, 404: Problem } },
    handler: async (request) => readPublishedAnswer(app.db, request.params.id),
  });
}
