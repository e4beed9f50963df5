import { sql, type Kysely } from 'kysely';
import type { Delivery, NotificationKind } from '../../../shared/notification.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

// A person's notifications (notify.ts writes them) and their choices per kind.

/** A page of one person's notifications, newest first (notifications_person_idx). */
export async function notificationsOf(db: Q, personId: string, o: { unreadOnly: boolean; limit: number; offset: number }) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('person_id', '=', personId)
    .$if(o.unreadOnly, (q) => q.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.limit)
    .offset(o.offset)
    .execute();
}

export async function countNotifications(db: Q, personId: string, unreadOnly: boolean) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .$if(unreadOnly, (q) => q.where('read_at', 'is', null))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many unread notifications the person has, counting at most `cap + 1`
 * (the partial index notifications_unread_idx; the bell reads "99+" beyond).
 */
export async function unreadCountUpTo(db: Q, personId: string, cap: number) {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM notifications WHERE person_id = ${personId} AND read_at IS NULL LIMIT ${cap + 1}
    ) AS unread`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Marks one of the person's notifications read; undefined when it is not theirs (or not there). */
export async function markRead(db: Q, personId: string, id: string, now: Date) {
  return db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .returning('id')
    .executeTakeFirst();
}

export async function markAllRead(db: Q, personId: string, now: Date) {
  const result = await db.updateTable('notifications').set({ read_at: now }).where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function preferencesOf(db: Q, personId: string) {
  return db.selectFrom('notification_preferences').select(['kind', 'delivery']).where('person_id', '=', personId).execute();
}

/** Writes the person's choices; a choice equal to the default is forgotten (the kind follows the default). */
export async function setPreferences(db: Q, personId: string, chosen: readonly { kind: NotificationKind; delivery: Delivery; isDefault: boolean }[]) {
  const forget = chosen.filter((c) => c.isDefault).map((c) => c.kind);
  const keep = chosen.filter((c) => !c.isDefault);
  if (forget.length) await db.deleteFrom('notification_preferences').where('person_id', '=', personId).where('kind', 'in', forget).execute();
  if (keep.length)
    await db
      .insertInto('notification_preferences')
      .values(keep.map((c) => ({ person_id: personId, kind: c.kind, delivery: c.delivery })))
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery') })))
      .execute();
}

/** For the daily digest: the given people's notifications waiting for it, oldest first. */
export async function digestNotifications(db: Q, personIds: readonly string[], until: Date) {
  if (!personIds.length) return [];
  return db
    .selectFrom('notifications')
    .select(['id', 'person_id', 'title', 'link', 'created_at'])
    .where('person_id', 'in', [...personIds])
    .where('delivery', '=', 'digest')
    .where('emailed_at', 'is', null)
    .where('created_at', '<=', until)
    .orderBy('person_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Marks notifications as sent in a digest, in the transaction of the digest's
 * email; returns the ids it marked (those another run has not marked first).
 */
export async function markDigested(db: Q, ids: readonly string[], at: Date) {
  if (!ids.length) return [];
  const rows = await db.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', [...ids]).where('emailed_at', 'is', null).returning('id').execute();
  return rows.map((r) => r.id);
}

/** Retention: deletes notifications created before `before`; returns how many. */
export async function deleteNotificationsBefore(db: Q, before: Date) {
  const result = await db.deleteFrom('notifications').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
