import { z } from 'zod';

/**
 * What a notification is about (docs/exchange.md). Each person chooses per
 * kind how to hear of it; a kind they never chose takes DEFAULT_DELIVERY.
 */
export const NOTIFICATION_KINDS = ['message', 'meeting', 'mention', 'decision', 'evaluation_assigned', 'deadline', 'visit_notice'] as const;
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
};
