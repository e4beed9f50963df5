import { z } from 'zod';
import { PageQuery, pageOf } from './pagination.ts';
import { Instant, text } from './text.ts';

/**
 * What a notification is about (docs/exchange.md). Each person chooses per
 * kind how to hear of it; a kind they never chose takes DEFAULT_DELIVERY.
 */
export const NOTIFICATION_KINDS = ['message', 'meeting', 'mention', 'decision', 'evaluation_assigned', 'deadline', 'visit_notice', 'support'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Immediately by email, in the daily digest email, or in the app only. */
export const DELIVERIES = ['immediate', 'digest', 'app'] as const;
export const Delivery = z.enum(DELIVERIES);
export type Delivery = z.infer<typeof Delivery>;

/** Messages, meetings and decisions at once; thread activity in the digest. */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  message: 'immediate',
  meeting: 'immediate',
  mention: 'digest',
  decision: 'immediate',
  evaluation_assigned: 'immediate',
  deadline: 'immediate',
  visit_notice: 'immediate',
  support: 'immediate',
};

/** One notification in my list (the bell's page). */
export const NotificationItem = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  title: text(),
  body: text(),
  /** A path in the app: where the notification leads. */
  link: text(),
  createdAt: Instant,
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationPage = pageOf(NotificationItem);
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationListQuery = PageQuery.extend({ unread: z.stringbool().default(false) });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationIdParams = z.object({ id: text().uuid() });

/** The bell's count counts up to UNREAD_COUNT_CAP; beyond it the bell reads "99+". */
export const UNREAD_COUNT_CAP = 99;
export const UnreadCount = z.object({
  count: z.number().int().min(0).max(UNREAD_COUNT_CAP),
  /** More unread notifications than `count`. */
  more: z.boolean(),
});
export type UnreadCount = z.infer<typeof UnreadCount>;

export const MarkedRead = z.object({ marked: z.number().int().min(0) });
export type MarkedRead = z.infer<typeof MarkedRead>;

/** How I hear of one kind, and whether that is the default (I never chose otherwise). */
export const NotificationPreference = z.object({ kind: NotificationKind, delivery: Delivery, isDefault: z.boolean() });
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const NotificationPreferences = z.object({ items: z.array(NotificationPreference) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** The kinds to change; a kind not listed keeps its choice. Choosing the default forgets the choice. */
export const UpdateNotificationPreferences = z.object({
  preferences: z
    .array(z.object({ kind: NotificationKind, delivery: Delivery }))
    .min(1)
    .max(NOTIFICATION_KINDS.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, { message: 'Each kind once.' }),
});
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;
