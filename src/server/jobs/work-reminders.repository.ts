import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database>;

/** Forgets reminders older than `day`: they only guard against a second email on the same day. */
export async function forgetRemindersBefore(db: Q, day: string) {
  await db.deleteFrom('work_reminders').where('reminded_on', '<', day).execute();
}

/** Records the reminders of one person; returns the item keys recorded now (those already recorded that day are not sent again). */
export async function claimReminders(db: Q, personId: string, items: readonly { key: string; day: string }[]): Promise<Set<string>> {
  if (!items.length) return new Set();
  const rows = await db
    .insertInto('work_reminders')
    .values(items.map((i) => ({ person_id: personId, item_key: i.key, reminded_on: i.day })))
    .onConflict((oc) => oc.doNothing())
    .returning('item_key')
    .execute();
  return new Set(rows.map((r) => r.item_key));
}
