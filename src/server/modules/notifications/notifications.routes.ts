import {
  MarkedRead,
  NotificationIdParams,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  UnreadCount,
  UpdateNotificationPreferences,
} from '../../../shared/notification.schemas.ts';
import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { listMyNotifications, markAllMineRead, markMineRead, myPreferences, myUnreadCount, updateMyPreferences } from './notifications.service.ts';

/** My notifications (the bell) and how I hear of each kind (docs/exchange.md, "Notifications"). */
export async function notificationRoutes(app: App) {
  app.get('/api/me/notifications', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'My notifications, newest first (only the unread ones with unread=true)', querystring: NotificationListQuery, response: { 200: NotificationPage } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyNotifications(app.db, requireUser(request), request.query);
    },
  });

  app.get('/api/me/notifications/unread-count', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'How many of my notifications are unread (up to 99, and whether there are more)', response: { 200: UnreadCount } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return myUnreadCount(app.db, requireUser(request));
    },
  });

  app.post('/api/me/notifications/:id/read', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'Mark one of my notifications read', params: NotificationIdParams, response: { 204: z.null(), 404: Problem } },
    handler: async (request, reply) => {
      await markMineRead(app.db, requireUser(request), request.params.id, new Date());
      return reply.status(204).send(null);
    },
  });

  app.post('/api/me/notifications/read-all', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: MarkedRead } },
    handler: async (request) => markAllMineRead(app.db, requireUser(request), new Date()),
  });

  app.get('/api/me/notification-preferences', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'How I hear of each kind of notification: at once by email, in the daily digest, or only in the app', response: { 200: NotificationPreferences } },
    handler: async (request) => myPreferences(app.db, requireUser(request)),
  });

  app.put('/api/me/notification-preferences', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'Change how I hear of some kinds of notification', body: UpdateNotificationPreferences, response: { 200: NotificationPreferences } },
    handler: async (request) => updateMyPreferences(app.db, requireUser(request), request.body),
  });
}
