import { Problem } from '../../../shared/problem.ts';
import { AnswerInvitation, ConfirmPeerCities, PeerCityChoice, PickSessionSlot, ProposeSessionSlots, SupportSession, WriteTakeaway } from '../../../shared/support-sessions.schemas.ts';
import { SupportRequestParams } from '../../../shared/support.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { answerInvitation, confirmPeerCities, peerCityChoice, pickSessionSlot, proposeSessionSlots, readSession, sessionInvitation, writeTakeaway } from './peer-sessions.service.ts';
import { SUPPORT_PARTIES } from './support.routes.ts';

const tags = ['support'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** Peer sessions and calls on request (docs/support.md, "Peer sessions and calls"). A request that is not the caller's answers 404. */
export async function peerSessionRoutes(app: App) {
  const ctx = (request: { ip: string; params: { id: string } }) => ({ id: request.params.id, now: app.now(), ip: request.ip, publicUrl: app.config.publicUrl });

  app.get('/api/support-requests/:id/peer-cities', {
    config: { access: [...SUPPORT_PARTIES] },
    schema: {
      tags,
      summary: 'The three Mission Cities that best fit a peer-session challenge, with why, and the other Mission Cities to choose from',
      params: SupportRequestParams,
      response: { 200: PeerCityChoice, 404: Problem, 409: Problem },
    },
    handler: async (request) => peerCityChoice(app.db, { id: request.params.id, user: requireUser(request) }),
  });

  app.post('/api/support-requests/:id/peer-cities', {
    config: { access: ['expert'] },
    schema: {
      tags,
      summary: 'The assigned expert confirms or edits the choice of Mission Cities (1–5); their representatives are invited',
      params: SupportRequestParams,
      body: ConfirmPeerCities,
      response: { 200: SupportSession, 404: Problem, 409: Problem },
    },
    handler: async (request) => confirmPeerCities(app.db, { ...ctx(request), user: requireUser(request), body: request.body }),
  });

  app.get('/api/support-requests/:id/session', {
    config: { access: ['city_representative', 'expert', 'programme_manager'] },
    schema: { tags, summary: 'The call or peer session of a request: invited cities and their answers, times, takeaway, and what I may do', params: SupportRequestParams, response: { 200: SupportSession, 404: Problem } },
    handler: async (request) => readSession(app.db, { id: request.params.id, user: requireUser(request) }),
  });

  app.post('/api/support-requests/:id/session/answer', {
    config: { access: ['city_representative'] },
    schema: { tags, summary: 'A representative of an invited Mission City accepts or declines for it; the expert is told', params: SupportRequestParams, body: AnswerInvitation, response: { 200: SupportSession, 404: Problem, 409: Problem } },
    handler: async (request) => answerInvitation(app.db, { ...ctx(request), user: requireUser(request), body: request.body }),
  });

  app.post('/api/support-requests/:id/session/slots', {
    config: { access: ['expert'] },
    schema: { tags, summary: 'The assigned expert proposes two to five times (duration 2 hours unless said); the city is asked to pick one', params: SupportRequestParams, body: ProposeSessionSlots, response: { 200: SupportSession, 404: Problem, 409: Problem } },
    handler: async (request) => proposeSessionSlots(app.db, { ...ctx(request), user: requireUser(request), body: request.body }),
  });

  app.post('/api/support-requests/:id/session/pick', {
    config: { access: ['city_representative'] },
    schema: { tags, summary: 'The asking city picks one of the times; everyone taking part gets it with the .ics', params: SupportRequestParams, body: PickSessionSlot, response: { 200: SupportSession, 404: Problem, 409: Problem } },
    handler: async (request) => pickSessionSlot(app.db, { ...ctx(request), user: requireUser(request), body: request.body }),
  });

  app.get('/api/support-requests/:id/session.ics', {
    config: { access: ['city_representative', 'expert', 'programme_manager'] },
    schema: { tags, summary: 'The scheduled session as an iCalendar file (Brussels time), for everyone taking part', params: SupportRequestParams, produces: ['text/calendar'] },
    handler: async (request, reply) => {
      const ics = await sessionInvitation(app.db, { id: request.params.id, user: requireUser(request), publicUrl: app.config.publicUrl, mailFrom: app.config.mailFrom });
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="session.ics"').header('cache-control', 'private, no-store').send(ics);
    },
  });

  app.post('/api/support-requests/:id/takeaway', {
    config: { access: ['city_representative'] },
    schema: { tags, summary: 'The asking city writes what it takes away from the held session (10–4000 characters); the expert is told', params: SupportRequestParams, body: WriteTakeaway, response: { 200: SupportSession, 404: Problem, 409: Problem } },
    handler: async (request) => writeTakeaway(app.db, { ...ctx(request), user: requireUser(request), body: request.body }),
  });
}
