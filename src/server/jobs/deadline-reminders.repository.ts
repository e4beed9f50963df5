import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database>;

/** Calls whose window (the host-call or visitor-call milestone) ends on `date` or later, with their programme. */
export function callsEndingFrom(db: Q, date: string) {
  return db
    .selectFrom('calls as k')
    .innerJoin('programmes as p', 'p.id', 'k.programme_id')
    .innerJoin('programme_milestones as m', (j) =>
      j.onRef('m.programme_id', '=', 'p.id').on(sql<boolean>`m.kind = CASE k.kind WHEN 'host' THEN 'host_call' ELSE 'visitor_call' END`),
    )
    .select(['k.id', 'k.kind', 'p.title', 'p.settings', 'm.kind as milestone', 'm.starts_on', 'm.ends_on'])
    .where('m.ends_on', '>=', date)
    .execute();
}

/** The call's draft applications that have not had this reminder yet, with their cities. */
export function draftsNotReminded(db: Q, callId: string, kind: 'deadline_1d' | 'deadline_7d') {
  return db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .select(['a.id', 'a.city_id', 'c.name'])
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'draft')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('application_reminders as r').select('r.kind').whereRef('r.application_id', '=', 'a.id').where('r.kind', '=', kind))))
    .execute();
}

/** Records the reminder; false when another run recorded it first (then it is not sent again). */
export async function claimReminder(db: Q, applicationId: string, kind: 'deadline_1d' | 'deadline_7d'): Promise<boolean> {
  const claimed = await db.insertInto('application_reminders').values({ application_id: applicationId, kind }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}
