import { z } from 'zod';
import {
  Attendance,
  CalendarFeed,
  CreateGroupBody,
  CreateSessionBody,
  DecideMembershipBody,
  ExpressInterestBody,
  Group,
  GroupProgress,
  GroupSummary,
  RecordAttendanceBody,
  Session,
} from '../../../shared/group.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import {
  attendanceSheet,
  createGroup,
  createSession,
  decideMember,
  expressInterest,
  feedCalendar,
  getGroup,
  groupProgress,
  listGroups,
  listSessions,
  recordAttendance,
  renewCalendarFeed,
  revokeCalendarFeed,
  sessionCalendar,
} from './groups.service.ts';

const IdParams = z.object({ id: z.uuid() });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export async function groupRoutes(app: App) {
  app.get('/api/programmes/:slug/groups', {
    config: { access: 'public' },
    schema: { tags: ['groups'], summary: 'The discussion groups of a programme', params: z.object({ slug: z.string().min(1).max(80) }), response: { 200: z.object({ items: z.array(GroupSummary) }) } },
    handler: async (request) => ({ items: await listGroups(app.db, request.params.slug) }),
  });

  app.post('/api/programmes/:slug/groups', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['groups'], summary: 'Create a discussion group (a facilitator who creates one facilitates it)', params: z.object({ slug: z.string().min(1).max(80) }), body: CreateGroupBody, response: { 201: Group, 409: Problem } },
    handler: async (request, reply) => reply.status(201).send(await createGroup(app.db, { slug: request.params.slug, body: request.body, actor: requireUser(request), ip: request.ip })),
  });

  app.get('/api/groups/:id', {
    config: { access: 'public' },
    schema: { tags: ['groups'], summary: 'A group: phases, facilitators and (for those involved) its cities', params: IdParams, response: { 200: Group } },
    handler: async (request) => getGroup(app.db, request.params.id, request.user),
  });

  app.post('/api/groups/:id/interest', {
    config: { access: ['city_representative'] },
    schema: { tags: ['groups'], summary: 'Express your city’s interest in joining', params: IdParams, body: ExpressInterestBody, response: { 200: Group, 409: Problem } },
    handler: async (request) => expressInterest(app.db, { groupId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip }),
  });

  app.put('/api/groups/:id/members/:cityId', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: {
      tags: ['groups'],
      summary: 'Admit or decline a city (the group’s facilitators and programme managers)',
      params: IdParams.extend({ cityId: z.uuid() }),
      body: DecideMembershipBody,
      response: { 200: Group, 409: Problem },
    },
    handler: async (request) => decideMember(app.db, { groupId: request.params.id, cityId: request.params.cityId, status: request.body.status, actor: requireUser(request), ip: request.ip }),
  });

  app.get('/api/groups/:id/sessions', {
    config: { access: 'public' },
    schema: { tags: ['groups'], summary: 'Sessions of a group (join links for participants only)', params: IdParams, response: { 200: z.object({ items: z.array(Session) }) } },
    handler: async (request) => ({ items: await listSessions(app.db, request.params.id, request.user) }),
  });

  app.post('/api/groups/:id/sessions', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['groups'], summary: 'Schedule a session (local time of the programme); participants are invited by email', params: IdParams, body: CreateSessionBody, response: { 201: Session } },
    handler: async (request, reply) =>
      reply.status(201).send(await createSession(app.db, { groupId: request.params.id, body: request.body, actor: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl })),
  });

  app.get('/api/sessions/:id/calendar.ics', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'One session as an iCalendar file', params: IdParams, produces: ['text/calendar'] },
    handler: async (request, reply) => {
      const ics = await sessionCalendar(app.db, request.params.id, requireUser(request));
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="session.ics"').send(ics);
    },
  });

  app.get('/api/sessions/:id/attendance', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['groups'], summary: 'The attendance sheet of a session', params: IdParams, response: { 200: Attendance } },
    handler: async (request) => attendanceSheet(app.db, request.params.id, requireUser(request)),
  });

  app.put('/api/sessions/:id/attendance', {
    config: { access: ['programme_manager', 'facilitator'] },
    schema: { tags: ['groups'], summary: 'Record attendance, for one or all participants at once', params: IdParams, body: RecordAttendanceBody, response: { 200: Attendance } },
    handler: async (request) => recordAttendance(app.db, { sessionId: request.params.id, records: request.body.records, actor: requireUser(request), ip: request.ip }),
  });

  app.get('/api/groups/:id/progress', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'Phases completed per city; attendance per session (facilitators and managers)', params: IdParams, response: { 200: GroupProgress } },
    handler: async (request) => groupProgress(app.db, request.params.id, requireUser(request)),
  });

  app.post('/api/me/calendar-feed', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'A new private calendar feed of my sessions (the old link stops working)', response: { 200: CalendarFeed } },
    handler: async (request) => renewCalendarFeed(app.db, requireUser(request), app.config.publicUrl),
  });

  app.delete('/api/me/calendar-feed', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'Revoke my calendar feed', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await revokeCalendarFeed(app.db, requireUser(request));
      return reply.status(204).send(null);
    },
  });

  app.get('/api/calendar/:token.ics', {
    config: { access: 'public' },
    schema: { tags: ['groups'], summary: 'A private calendar feed (the token is the key)', params: z.object({ token: z.string().min(20).max(200) }), produces: ['text/calendar'] },
    handler: async (request, reply) => reply.type(CALENDAR_TYPE).header('cache-control', 'private, max-age=300').send(await feedCalendar(app.db, request.params.token)),
  });
}
