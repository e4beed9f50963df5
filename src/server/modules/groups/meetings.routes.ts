import { z } from 'zod';
import { Attendance, CalendarFeed, CreateMeetingBody, Meeting, RecordAttendanceBody } from '../../../shared/group.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { withFormerPath } from './former-paths.ts';
import { attendanceSheet, createMeeting, feedCalendar, listMeetings, meetingCalendar, recordAttendance, renewCalendarFeed, revokeCalendarFeed } from './meetings.service.ts';
import { text } from '../../../shared/text.ts';

const IdParams = z.object({ id: z.uuid() });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const groupPeople = ['programme_manager', 'facilitator'] as const;

/** A group's meetings, their .ics files and attendance; a person's calendar feed of all their meetings. */
export async function meetingRoutes(app: App) {
  for (const { url, marks } of withFormerPath('/api/groups/:id/meetings', '/api/groups/:id/sessions')) {
    app.get(url, {
      config: { access: 'public' },
      schema: { ...marks, tags: ['groups'], summary: 'Meetings of a group (join links for participants only)', params: IdParams, response: { 200: z.object({ items: z.array(Meeting) }) } },
      handler: async (request) => ({ items: await listMeetings(app.db, request.params.id, request.user) }),
    });

    app.post(url, {
      config: { access: groupPeople },
      schema: { ...marks, tags: ['groups'], summary: 'Schedule a meeting (local time of the programme); participants are invited by email', params: IdParams, body: CreateMeetingBody, response: { 201: Meeting } },
      handler: async (request, reply) =>
        reply.status(201).send(await createMeeting(app.db, { groupId: request.params.id, body: request.body, actor: requireUser(request), ip: request.ip, publicUrl: app.config.publicUrl })),
    });
  }

  for (const { url, marks } of withFormerPath('/api/meetings/:id/calendar.ics', '/api/sessions/:id/calendar.ics')) {
    app.get(url, {
      config: { access: 'signed-in' },
      schema: { ...marks, tags: ['groups'], summary: 'One meeting as an iCalendar file', params: IdParams, produces: ['text/calendar'] },
      handler: async (request, reply) => {
        const ics = await meetingCalendar(app.db, request.params.id, requireUser(request));
        return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="meeting.ics"').send(ics);
      },
    });
  }

  for (const { url, marks } of withFormerPath('/api/meetings/:id/attendance', '/api/sessions/:id/attendance')) {
    app.get(url, {
      config: { access: groupPeople },
      schema: { ...marks, tags: ['groups'], summary: 'The attendance sheet of a meeting', params: IdParams, response: { 200: Attendance } },
      handler: async (request) => attendanceSheet(app.db, request.params.id, requireUser(request)),
    });

    app.put(url, {
      config: { access: groupPeople },
      schema: { ...marks, tags: ['groups'], summary: 'Record attendance, for one or all participants at once', params: IdParams, body: RecordAttendanceBody, response: { 200: Attendance } },
      handler: async (request) => recordAttendance(app.db, { meetingId: request.params.id, records: request.body.records, actor: requireUser(request), ip: request.ip }),
    });
  }

  app.post('/api/me/calendar-feed', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'A new private calendar feed of my meetings (the old link stops working)', response: { 200: CalendarFeed } },
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
    schema: { tags: ['groups'], summary: 'A private calendar feed (the token is the key)', params: z.object({ token: text().min(20).max(200) }), produces: ['text/calendar'] },
    handler: async (request, reply) => reply.type(CALENDAR_TYPE).header('cache-control', 'private, max-age=300').send(await feedCalendar(app.db, request.params.token)),
  });
}
