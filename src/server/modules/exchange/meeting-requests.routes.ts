import { z } from 'zod';
import { AcceptMeetingBody, CancelMeetingBody, DeclineMeetingBody, MeetingRequest, MeetingRequestList, MoveMeetingBody, ProposeMeetingBody } from '../../../shared/meeting.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { acceptMeeting, cancelMeeting, declineMeeting, listMeetingRequests, meetingInvitation, moveMeeting, proposeMeeting } from './meeting-requests.service.ts';

const ConversationParams = z.object({ id: z.uuid() });
const RequestParams = z.object({ id: z.uuid(), mid: z.uuid() });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const tags = ['exchange'];

/**
 * Meeting requests of a conversation: only its parties (a city's
 * representatives, the programme team, the expert) see or change them; to
 * anyone else a conversation and its requests do not exist (404).
 */
export async function meetingRequestRoutes(app: App) {
  const context = (request: { params: { id: string }; ip: string; user?: unknown }) => ({
    conversationId: request.params.id,
    ip: request.ip,
    now: app.now(),
    publicUrl: app.config.publicUrl,
  });

  app.get('/api/conversations/:id/meeting-requests', {
    config: { access: 'signed-in' },
    schema: { tags, summary: "A conversation's meeting requests, with its parties' names and time zones", params: ConversationParams, response: { 200: MeetingRequestList } },
    handler: async (request) => listMeetingRequests(app.db, request.params.id, requireUser(request)),
  });

  app.post('/api/conversations/:id/meeting-requests', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Propose a short online meeting: two to five times and a join link; the other parties are notified', params: ConversationParams, body: ProposeMeetingBody, response: { 201: MeetingRequest } },
    handler: async (request, reply) => reply.status(201).send(await proposeMeeting(app.db, { ...context(request), user: requireUser(request), body: request.body })),
  });

  app.post('/api/conversations/:id/meeting-requests/:mid/accept', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Accept one of the proposed times (the other side); 409 when it was answered in the meantime', params: RequestParams, body: AcceptMeetingBody, response: { 200: MeetingRequest } },
    handler: async (request) => acceptMeeting(app.db, { ...context(request), user: requireUser(request), requestId: request.params.mid, ...request.body }),
  });

  app.post('/api/conversations/:id/meeting-requests/:mid/decline', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Decline a proposed meeting, with an optional reason (the other side)', params: RequestParams, body: DeclineMeetingBody, response: { 200: MeetingRequest } },
    handler: async (request) => declineMeeting(app.db, { ...context(request), user: requireUser(request), requestId: request.params.mid, reason: request.body.reason, version: request.body.version }),
  });

  app.post('/api/conversations/:id/meeting-requests/:mid/cancel', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Cancel a meeting, before or after acceptance (either side); an accepted one gets a cancelling .ics', params: RequestParams, body: CancelMeetingBody, response: { 200: MeetingRequest } },
    handler: async (request) => cancelMeeting(app.db, { ...context(request), user: requireUser(request), requestId: request.params.mid, version: request.body.version }),
  });

  app.post('/api/conversations/:id/meeting-requests/:mid/move', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'New times before acceptance (the proposer), or the new agreed time after acceptance (either side)', params: RequestParams, body: MoveMeetingBody, response: { 200: MeetingRequest } },
    handler: async (request) => moveMeeting(app.db, { ...context(request), user: requireUser(request), requestId: request.params.mid, ...request.body }),
  });

  app.get('/api/conversations/:id/meeting-requests/:mid/invite.ics', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'The agreed meeting as an iCalendar file (REQUEST, or CANCEL once cancelled); same UID, rising SEQUENCE', params: RequestParams, produces: ['text/calendar'] },
    handler: async (request, reply) => {
      const ics = await meetingInvitation(app.db, request.params.id, request.params.mid, requireUser(request), app.config.mailFrom);
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="meeting.ics"').header('cache-control', 'private, no-store').send(ics);
    },
  });
}
