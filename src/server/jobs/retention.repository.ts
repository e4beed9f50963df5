import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database>;

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);

/** Sessions past their expiry. */
export async function deleteExpiredSessions(db: Q, now: Date) {
  return n(await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirstOrThrow());
}

/** Sign-in and registration attempts older than the period. */
export async function deleteOldAttempts(db: Q, now: Date, days: number) {
  const before = daysBefore(now, days);
  const signIn = n(await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', before).executeTakeFirstOrThrow());
  const registration = n(await db.deleteFrom('registration_attempts').where('attempted_at', '<', before).executeTakeFirstOrThrow());
  return signIn + registration;
}

/** Emails sent (or given up on) longer ago than the period: they hold reset and invitation links. Pending ones stay. */
export async function deleteOldEmails(db: Q, now: Date, days: number) {
  const before = daysBefore(now, days);
  return n(
    await db
      .deleteFrom('outbox')
      .where((eb) => eb.or([eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', before)]), eb.and([eb('status', '=', 'failed'), eb('created_at', '<', before)])]))
      .executeTakeFirstOrThrow(),
  );
}

/**
 * Attachments of applications that were not selected — rejected, or left on
 * the waiting list without being promoted — once the call's decisions were
 * published longer ago than the period.
 */
export async function deleteUnselectedAttachments(db: Q, now: Date, days: number) {
  const before = daysBefore(now, days);
  return n(
    await db
      .deleteFrom('application_attachments')
      .where('application_id', 'in', (eb) =>
        eb
          .selectFrom('application_decisions as d')
          .innerJoin('applications as a', 'a.id', 'd.application_id')
          .innerJoin('calls as c', 'c.id', 'a.call_id')
          .select('d.application_id')
          .where((w) => w.or([w('d.outcome', '=', 'rejected'), w.and([w('d.outcome', '=', 'waitlisted'), w('d.promoted_at', 'is', null)])]))
          .where('c.decisions_published_at', 'is not', null)
          .where('c.decisions_published_at', '<', before),
      )
      .executeTakeFirstOrThrow(),
  );
}

/** Downloads of one's data past their 24 hours, and failed ones a day old. */
export async function deleteExpiredDataExports(db: Q, now: Date) {
  return n(
    await db
      .deleteFrom('data_exports')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb.and([eb('status', '=', 'failed'), eb('requested_at', '<', daysBefore(now, 1))])]))
      .executeTakeFirstOrThrow(),
  );
}

