import type { CurrentUser } from '../../../shared/account.schemas.ts';
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KINDS,
  UNREAD_COUNT_CAP,
  type Delivery,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPage,
  type NotificationPreferences,
  type UnreadCount,
  type UpdateNotificationPreferences,
} from '../../../shared/notification.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { countNotifications, markAllRead, markRead, notificationsOf, preferencesOf, setPreferences, unreadCountUpTo } from './notifications.repository.ts';

/** My notifications, newest first, a page at a time (only the unread ones if asked). */
export async function listMyNotifications(db: Db, user: CurrentUser, q: NotificationListQuery): Promise<NotificationPage> {
  const [rows, total] = await Promise.all([
    notificationsOf(db, user.id, { unreadOnly: q.unread, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countNotifications(db, user.id, q.unread),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind as NotificationKind, title: r.title, body: r.body, link: r.link, createdAt: new Date(r.created_at).toISOString(), read: r.read_at !== null })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The bell's count: up to UNREAD_COUNT_CAP, and whether there are more. */
export async function myUnreadCount(db: Db, user: CurrentUser): Promise<UnreadCount> {
  const n = await unreadCountUpTo(db, user.id, UNREAD_COUNT_CAP);
  return { count: Math.min(n, UNREAD_COUNT_CAP), more: n > UNREAD_COUNT_CAP };
}

/** Marks one of my notifications read (again is fine); another person's answers 404. */
export async function markMineRead(db: Db, user: CurrentUser, id: string, now: Date) {
  if (!(await markRead(db, user.id, id, now))) throw new AppError('NOT_FOUND', reason('NOTIFICATION_NOT_FOUND'));
}

export async function markAllMineRead(db: Db, user: CurrentUser, now: Date) {
  return { marked: await markAllRead(db, user.id, now) };
}

/** Every kind with how I hear of it, and whether that is the default. */
export async function myPreferences(db: Db, user: CurrentUser): Promise<NotificationPreferences> {
  const chosen = new Map((await preferencesOf(db, user.id)).map((p) => [p.kind, p.delivery as Delivery]));
  return {
    items: NOTIFICATION_KINDS.map((kind) => {
      const delivery = chosen.get(kind) ?? DEFAULT_DELIVERY[kind];
      return { kind, delivery, isDefault: delivery === DEFAULT_DELIVERY[kind] };
    }),
  };
}

export async function updateMyPreferences(db: Db, user: CurrentUser, body: UpdateNotificationPreferences): Promise<NotificationPreferences> {
  await db.transaction().execute((trx) =>
    setPreferences(
      trx,
      user.id,
      body.preferences.map((p) => ({ ...p, isDefault: p.delivery === DEFAULT_DELIVERY[p.kind] })),
    ),
  );
  return myPreferences(db, user);
}
