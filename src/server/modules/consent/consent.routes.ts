import { Me } from '../../../shared/account.schemas.ts';
import { AcceptPrivacyNoticeBody, OptIns, PrivacyNotice, PrivacyNoticeVersions, PublishPrivacyNoticeBody } from '../../../shared/privacy.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { acceptAgain, currentNotice, noticeVersions, publishNotice, setOptIns } from './consent.service.ts';

const managers = ['programme_manager'] as const;

export async function consentRoutes(app: App) {
  app.get('/api/privacy-notice', {
    config: { access: 'public' },
    schema: { tags: ['privacy'], summary: 'The privacy notice in force (Markdown)', response: { 200: PrivacyNotice } },
    handler: async () => currentNotice(app.db),
  });

  app.get('/api/privacy-notices', {
    config: { access: managers },
    schema: { tags: ['privacy'], summary: 'Every version of the privacy notice, newest first, with how many people accepted each', response: { 200: PrivacyNoticeVersions } },
    handler: async () => noticeVersions(app.db),
  });

  app.post('/api/privacy-notices', {
    config: { access: managers },
    schema: {
      tags: ['privacy'],
      summary: 'Publish a new version of the privacy notice: in force at once; everyone is asked to accept it at their next visit',
      body: PublishPrivacyNoticeBody,
      response: { 201: PrivacyNotice, 409: Problem },
    },
    handler: async (request, reply) => {
      const notice = await publishNotice(app.db, { body: request.body, actor: requireUser(request), ip: request.ip });
      return reply.status(201).send(notice);
    },
  });

  app.post('/api/me/consents', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['privacy'],
      summary: 'Accept the privacy notice in force (after it changed); refuses another version with a field error',
      body: AcceptPrivacyNoticeBody,
      response: { 200: Me, 400: Problem },
    },
    handler: async (request) => acceptAgain(app.db, { user: requireUser(request), version: request.body.privacyNoticeVersion, ip: request.ip }),
  });

  app.put('/api/me/opt-ins', {
    config: { access: 'signed-in' },
    schema: { tags: ['privacy'], summary: 'My opt-ins: the newsletter, and being listed as a contact on my city’s public page', body: OptIns, response: { 200: Me } },
    handler: async (request) => setOptIns(app.db, { user: requireUser(request), optIns: request.body, ip: request.ip }),
  });
}
