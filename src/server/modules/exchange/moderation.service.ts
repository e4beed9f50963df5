import { sql } from 'kysely';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CityBlock, MessageReport } from '../../../shared/exchange.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify, programmeTeam } from '../notifications/notify.ts';
import { actingParty, citiesOf } from './conversation-access.ts';
import { MODERATION_PATH, messageReportedEmail } from './exchange-emails.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const notFound = () => new AppError('NOT_FOUND', reason('CONVERSATION_NOT_FOUND'));

// ---- Blocks: a city that takes no new conversations from another. ----

function ownCity(user: CurrentUser, cityId: string) {
  // Another city's blocks are none of the caller's business: the same answer as for no city.
  if (!citiesOf(user).includes(cityId)) throw new AppError('NOT_FOUND', reason('INBOX_NOT_YOURS'));
}

export async function listBlocks(db: Db, cityId: string, user: CurrentUser): Promise<{ items: CityBlock[] }> {
  ownCity(user, cityId);
  const rows = await db
    .selectFrom('city_blocks as b')
    .innerJoin('cities as c', 'c.id', 'b.blocked_city_id')
    .leftJoin('people as p', 'p.id', 'b.blocked_by')
    .select(['b.city_id', 'b.blocked_city_id', 'c.name', 'b.created_at', 'p.name as by', 'p.erased_at'])
    .where('b.city_id', '=', cityId)
    .orderBy('c.name')
    .execute();
  return { items: rows.map((r) => ({ cityId: r.city_id, blockedCityId: r.blocked_city_id, blockedCityName: r.name, blockedAt: iso(r.created_at), blockedBy: r.erased_at ? null : r.by })) };
}

export async function blockCity(db: Db, input: { cityId: string; blockedCityId: string; user: CurrentUser; ip: string }) {
  ownCity(input.user, input.cityId);
  if (input.cityId === input.blockedCityId) throw new AppError('VALIDATION_FAILED', reason('BLOCK_OWN_CITY'), { errors: [fieldError('params.blockedCityId', reason('BLOCK_OWN_CITY'))] });
  const other = await db.selectFrom('cities').select('id').where('id', '=', input.blockedCityId).executeTakeFirst();
  if (!other) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('city_blocks')
      .values({ city_id: input.cityId, blocked_city_id: input.blockedCityId, blocked_by: input.user.id })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
      await recordAudit(trx, { actorId: input.user.id, action: 'city.block', entityType: 'city', entityId: input.cityId, ip: input.ip, details: { blockedCityId: input.blockedCityId } });
    }
  });
  return listBlocks(db, input.cityId, input.user);
}

export async function unblockCity(db: Db, input: { cityId: string; blockedCityId: string; user: CurrentUser; ip: string }) {
  ownCity(input.user, input.cityId);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('city_blocks').where('city_id', '=', input.cityId).where('blocked_city_id', '=', input.blockedCityId).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await recordAudit(trx, { actorId: input.user.id, action: 'city.unblock', entityType: 'city', entityId: input.cityId, ip: input.ip, details: { blockedCityId: input.blockedCityId } });
    }
  });
  return listBlocks(db, input.cityId, input.user);
}

// ---- Reports: a message shown to the programme team, who hide it or keep it. ----

export async function reportMessage(db: Db, input: { messageId: string; reason: string; user: CurrentUser; ip: string; publicUrl: string }) {
  const message = await db.selectFrom('messages').select(['id', 'conversation_id']).where('id', '=', input.messageId).executeTakeFirst();
  if (!message) throw notFound();
  await actingParty(db, message.conversation_id, input.user);
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('message_reports')
      .values({ message_id: input.messageId, reported_by: input.user.id, reason: input.reason })
      .onConflict((oc) => oc.columns(['message_id', 'reported_by']).where('resolved_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!added) throw new AppError('CONFLICT', reason('REPORT_ALREADY_OPEN'));
    const conversation = await trx.selectFrom('conversations').select('subject').where('id', '=', message.conversation_id).executeTakeFirstOrThrow();
    const url = `${input.publicUrl}${MODERATION_PATH}`;
    await notify(trx, {
      kind: 'message',
      personIds: (await programmeTeam(trx)).filter((id) => id !== input.user.id),
      title: `A message was reported: ${conversation.subject}`,
      body: input.reason.slice(0, 200),
      link: MODERATION_PATH,
      email: (r) => messageReportedEmail({ name: r.name, subject: conversation.subject, reason: input.reason, url }),
    });
    await recordAudit(trx, { actorId: input.user.id, action: 'message.report', entityType: 'message', entityId: input.messageId, ip: input.ip, details: { reportId: added.id } });
  });
}

interface ReportRow {
  id: string;
  reason: string;
  reported_by: string | null;
  reporter_erased: boolean | null;
  created_at: Date;
  conversation_id: string;
  subject: string;
  message_id: string;
  author: string | null;
  author_erased: boolean | null;
  author_city: string | null;
  body_html: string;
  message_at: Date;
  hidden_at: Date | null;
  parties: string[];
}

/** The open reports, oldest first (message_reports_open_idx), with the reported message: all a manager sees of that conversation. */
export async function listOpenReports(db: Db, page: number, pageSize: number) {
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<ReportRow>`
      SELECT r.id, r.reason, rp.name AS reported_by, (rp.erased_at IS NOT NULL) AS reporter_erased, r.created_at,
             cv.id AS conversation_id, cv.subject, m.id AS message_id, a.name AS author, (a.id IS NULL OR a.erased_at IS NOT NULL) AS author_erased,
             pc.name AS author_city, m.body_html, m.created_at AS message_at, m.hidden_at,
             ARRAY(SELECT coalesce(c.name, CASE p.kind WHEN 'programme_team' THEN 'Programme team' ELSE e.name END)
                     FROM conversation_parties p LEFT JOIN cities c ON c.id = p.city_id LEFT JOIN people e ON e.id = p.person_id
                    WHERE p.conversation_id = cv.id ORDER BY p.joined_at, c.name NULLS LAST, p.id) AS parties
        FROM message_reports r
        JOIN messages m ON m.id = r.message_id
        JOIN conversations cv ON cv.id = m.conversation_id
        JOIN conversation_parties mp ON mp.id = m.party_id
        LEFT JOIN cities pc ON pc.id = mp.city_id
        LEFT JOIN people a ON a.id = m.author_id
        LEFT JOIN people rp ON rp.id = r.reported_by
       WHERE r.resolved_at IS NULL
       ORDER BY r.created_at, r.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM message_reports WHERE resolved_at IS NULL`.execute(db),
  ]);
  const items: MessageReport[] = rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    reportedBy: r.reporter_erased ? null : r.reported_by,
    reportedAt: iso(r.created_at),
    conversation: { id: r.conversation_id, subject: r.subject, parties: r.parties.filter((p): p is string => typeof p === 'string') },
    message: { id: r.message_id, author: r.author_erased ? null : r.author, authorCity: r.author_city, bodyHtml: r.body_html, createdAt: iso(r.message_at), hiddenAt: r.hidden_at ? iso(r.hidden_at) : null },
  }));
  return { items, total: count[0]?.n ?? 0, page, pageSize };
}

/**
 * Hides the reported message with the reason (shown to the parties instead
 * of it), or keeps it; either way every open report of that message is
 * settled, and the audit log says who decided and why.
 */
export async function decideReport(db: Db, input: { reportId: string; outcome: 'hidden' | 'kept'; reason: string; user: CurrentUser; ip: string }) {
  if (input.outcome === 'hidden' && input.reason.trim().length < 3) {
    throw new AppError('VALIDATION_FAILED', reason('HIDE_REASON_REQUIRED'), { errors: [fieldError('body.reason', reason('HIDE_REASON_REQUIRED'))] });
  }
  await db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('message_reports').select(['id', 'message_id', 'resolved_at']).where('id', '=', input.reportId).forUpdate().executeTakeFirst();
    if (!report) throw new AppError('NOT_FOUND', reason('REPORT_NOT_FOUND'));
    if (report.resolved_at) throw new AppError('CONFLICT', reason('REPORT_ALREADY_DECIDED'));
    if (input.outcome === 'hidden') {
      await trx
        .updateTable('messages')
        .set({ hidden_at: sql`now()`, hidden_by: input.user.id, hidden_reason: input.reason.trim() })
        .where('id', '=', report.message_id)
        .where('hidden_at', 'is', null)
        .execute();
    }
    await trx
      .updateTable('message_reports')
      .set({ resolved_at: sql`now()`, resolved_by: input.user.id, outcome: input.outcome })
      .where('message_id', '=', report.message_id)
      .where('resolved_at', 'is', null)
      .execute();
    await recordAudit(trx, {
      actorId: input.user.id,
      action: input.outcome === 'hidden' ? 'message.hide' : 'message.keep',
      entityType: 'message',
      entityId: report.message_id,
      ip: input.ip,
      details: { reportId: report.id, reason: input.reason.trim() || null },
    });
  });
}
