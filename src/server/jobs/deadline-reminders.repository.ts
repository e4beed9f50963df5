import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database>;

/** Calls of published programmes that are open at `now` (their own window), with their programme. */
export function callsOpenAt(db: Q, now: Date) {
  return db
    .selectFrom('calls as k')
    .innerJoin('programmes as p', 'p.id', 'k.programme_id')
    .select(['k.id', 'k.kind', 'k.closes_at', 'p.title', 'p.settings'])
    .where('p.published_at', 'is not', null)
    .where('k.opens_at', '<=', now)
    .where('k.closes_at', '>=', now)
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
