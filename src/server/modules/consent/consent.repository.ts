import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { ConsentContext } from '../../../shared/privacy.schemas.ts';

/** The privacy notice in force: the version published last. */
export async function findCurrentNotice(db: Db) {
  return db
    .selectFrom('privacy_notices')
    .select(['id', 'version', 'published_at', 'changes', 'body'])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findNoticeByVersion(db: Db, version: string) {
  return db.selectFrom('privacy_notices').select(['id', 'version', 'published_at']).where('version', '=', version).executeTakeFirst();
}

/** Every version, newest first, with who published it and how many people accepted it. */
export async function listNotices(db: Db) {
  return db
    .selectFrom('privacy_notices as n')
    .leftJoin('people as p', 'p.id', 'n.published_by')
    .select((eb) => [
      'n.version',
      'n.published_at',
      'n.changes',
      'p.name as published_by_name',
      eb.selectFrom('privacy_consents as c').whereRef('c.notice_version', '=', 'n.version').select(sql<number>`count(*)::int`.as('n')).as('acceptances'),
    ])
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}

export async function insertNotice(db: Db, notice: { version: string; changes: string; body: string; publishedBy: string }) {
  const row = await db
    .insertInto('privacy_notices')
    .values({ version: notice.version, changes: notice.changes, body: notice.body, published_by: notice.publishedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records an acceptance; accepting the same version twice keeps the first record. */
export async function insertConsent(db: Db, consent: { personId: string; noticeVersion: string; context: ConsentContext; acceptedAt?: Date }) {
  await db
    .insertInto('privacy_consents')
    .values({ person_id: consent.personId, notice_version: consent.noticeVersion, context: consent.context, ...(consent.acceptedAt ? { accepted_at: consent.acceptedAt } : {}) })
    .onConflict((oc) => oc.columns(['person_id', 'notice_version']).doNothing())
    .execute();
}

/** The version in force and the latest version the person accepted, with their opt-ins, in one statement. */
export async function privacyStanding(db: Db, personId: string) {
  const result = await sql<{ current_version: string; accepted_version: string | null; accepted_current: boolean; newsletter_opt_in: boolean; directory_opt_in: boolean }>`
    WITH current AS (SELECT version FROM privacy_notices ORDER BY published_at DESC, id DESC LIMIT 1)
    SELECT current.version AS current_version,
           (SELECT n.version FROM privacy_consents c JOIN privacy_notices n ON n.version = c.notice_version
             WHERE c.person_id = p.id ORDER BY n.published_at DESC, n.id DESC LIMIT 1) AS accepted_version,
           EXISTS (SELECT 1 FROM privacy_consents c WHERE c.person_id = p.id AND c.notice_version = current.version) AS accepted_current,
           p.newsletter_opt_in, p.directory_opt_in
      FROM people p, current
     WHERE p.id = ${personId}`.execute(db);
  return result.rows[0];
}

export async function updateOptIns(db: Db, personId: string, optIns: { newsletter: boolean; directory: boolean }) {
  await db.updateTable('people').set({ newsletter_opt_in: optIns.newsletter, directory_opt_in: optIns.directory }).where('id', '=', personId).execute();
}
