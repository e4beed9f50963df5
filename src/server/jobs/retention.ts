import type { Db } from '../db/client.ts';
import {
  deleteExpiredDataExports,
  deleteExpiredSessions,
  deleteOldAttempts,
  deleteOldEmails,
  deleteUnselectedAttachments,
} from './retention.repository.ts';
import { deleteNotificationsBefore } from '../modules/notifications/notifications.repository.ts';

/** How long the retention job keeps what it prunes (settings RETENTION_*, README and docs/privacy.md). */
export interface RetentionPeriods {
  signInAttemptsDays: number;
  sentEmailDays: number;
  unselectedAttachmentsDays: number;
  notificationsDays: number;
}

export interface RetentionResult {
  sessions: number;
  attempts: number;
  emails: number;
  attachments: number;
  dataExports: number;
  notifications: number;
}

/**
 * Deletes what the platform no longer needs (docs/privacy.md, "Retention"):
 * expired sessions, old sign-in and registration attempts, sent emails
 * (they hold reset and invitation links), attachments of applications not
 * selected, downloads of one's data past their 24 hours, and notifications
 * (read or not) older than their period. Runs from the
 * scheduler (decision 0006); each delete is idempotent, so a second process
 * or a second run deletes nothing more.
 */
export async function pruneExpiredData(db: Db, now: Date, periods: RetentionPeriods): Promise<RetentionResult> {
  return db.transaction().execute(async (trx) => ({
    sessions: await deleteExpiredSessions(trx, now),
    attempts: await deleteOldAttempts(trx, now, periods.signInAttemptsDays),
    emails: await deleteOldEmails(trx, now, periods.sentEmailDays),
    attachments: await deleteUnselectedAttachments(trx, now, periods.unselectedAttachmentsDays),
    dataExports: await deleteExpiredDataExports(trx, now),
    notifications: await deleteNotificationsBefore(trx, new Date(now.getTime() - periods.notificationsDays * 24 * 60 * 60 * 1000)),
  }));
}

/** The scheduler's entry: how many rows were deleted. */
export async function runRetention(db: Db, now: Date, periods: RetentionPeriods): Promise<number> {
  const result = await pruneExpiredData(db, now, periods);
  return Object.values(result).reduce((a, b) => a + b, 0);
}
