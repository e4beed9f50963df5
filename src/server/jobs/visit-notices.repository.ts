import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { VisitNoticeKind } from '../modules/visits/visit-emails.ts';

/** Records that a person got a visit's notice; false when it was recorded before (then it is not sent again). */
export async function claimVisitNotice(db: Kysely<Database>, notice: { visitId: string; personId: string; kind: VisitNoticeKind }): Promise<boolean> {
  const claimed = await db
    .insertInto('visit_notices')
    .values({ visit_id: notice.visitId, person_id: notice.personId, kind: notice.kind })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}
