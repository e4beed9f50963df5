import type { Db } from '../db/client.ts';
import { sessionReminderEmail } from '../modules/groups/group-emails.ts';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Emails each participant once, the day before a session starts (within the next 24 hours). */
export async function sendSessionReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const due = await db
    .selectFrom('group_sessions as s')
    .innerJoin('discussion_groups as g', 'g.id', 's.group_id')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .innerJoin('group_memberships as m', (j) => j.onRef('m.group_id', '=', 'g.id').on('m.status', '=', 'admitted'))
    .innerJoin('role_grants as r', (j) => j.onRef('r.city_id', '=', 'm.city_id').on('r.role', '=', 'city_representative'))
    .innerJoin('people as pe', 'pe.id', 'r.person_id')
    .select(['s.id as session_id', 's.title', 's.starts_at', 's.duration_minutes', 's.join_url', 'g.name as group_name', 'p.settings', 'pe.id as person_id', 'pe.email', 'pe.name'])
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', new Date(now.getTime() + DAY))
    .where('pe.disabled_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('session_reminders as x').select('x.person_id').whereRef('x.session_id', '=', 's.id').whereRef('x.person_id', '=', 'pe.id'))))
    .execute();
  let sent = 0;
  for (const row of due) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.insertInto('session_reminders').values({ session_id: row.session_id, person_id: row.person_id }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await enqueueEmail(
        trx,
        sessionReminderEmail({
          to: row.email,
          name: row.name,
          groupName: row.group_name,
          title: row.title,
          startsAt: new Date(row.starts_at),
          timeZone: row.settings.timeZone,
          joinUrl: row.join_url,
          icsUrl: `${publicUrl}/api/sessions/${row.session_id}/calendar.ics`,
        }),
      );
      sent += 1;
    });
  }
  return sent;
}
