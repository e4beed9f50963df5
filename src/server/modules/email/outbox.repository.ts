import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ROLE_RANK } from '../../../domain/people/role-rank.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Queues an email; call it with the transaction of the change that causes it. */
export async function enqueueEmail(db: Q, email: OutgoingEmail): Promise<string> {
  const row = await db
    .insertInto('outbox')
    .values({ to_address: email.to, subject: email.subject, text_body: email.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Queues several emails in one statement, in the transaction of the change that causes them. */
/** An email as the outbox stores it. */
export const outboxRow = (email: OutgoingEmail) => ({ to_address: email.to, subject: email.subject, text_body: email.text });

export async function enqueueEmails(db: Q, emails: readonly OutgoingEmail[]) {
  if (!emails.length) return;
  await db.insertInto('outbox').values(emails.map(outboxRow)).execute();
}

export interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  attempts: number;
}

/**
 * Claims up to `limit` due emails for `leaseMs`. SKIP LOCKED lets several app
 * processes run workers side by side without taking the same row.
 */
export async function claimDueEmails(db: Q, limit: number, leaseMs: number): Promise<ClaimedEmail[]> {
  const result = await sql<ClaimedEmail>`
    UPDATE outbox
       SET locked_until = now() + ${`${leaseMs} milliseconds`}::interval,
           attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox
        WHERE status = 'pending'
          AND next_attempt_at <= now()
          AND (locked_until IS NULL OR locked_until < now())
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, subject, text_body, attempts`.execute(db);
  return result.rows;
}

export async function markSent(db: Q, id: string, transport: string) {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: new Date(), locked_until: null, last_error: null, transport })
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(db: Q, id: string, error: string, retryAt: Date | null) {
  await db
    .updateTable('outbox')
    .set({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ?? new Date(),
      locked_until: null,
      last_error: error.slice(0, 1000),
    })
    .where('id', '=', id)
    .execute();
}

/** A role column's rank (`ROLE_RANK`) in SQL; roles and ranks are constants of the code, written as literals. */
function rankSql(role: RawBuilder<unknown>) {
  return sql<number>`CASE ${role} ${sql.join(
    Object.entries(ROLE_RANK).map(([name, rank]) => sql`WHEN ${sql.lit(name)} THEN ${sql.lit(rank)}`),
    sql` `,
  )} ELSE 0 END`;
}

/**
 * The rank of the person an outbox row is addressed to: their highest role,
 * or the highest an invitation to that address grants (the link would make
 * them that), 0 for anybody else.
 */
const recipientRank = sql<number>`greatest(
  coalesce((SELECT max(${rankSql(sql`g.role`)}) FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = lower(o.to_address)), 0),
  coalesce((SELECT max(${rankSql(sql`r.role`)}) FROM invitations i CROSS JOIN LATERAL unnest(array_append(i.other_roles, i.role)) AS r(role) WHERE i.email = lower(o.to_address)), 0)
)`;

/** The outbox, newest first, without the mail of people ranked as high as the reader or higher (`mayReadMailOf`). */
export async function listOutbox(db: Q, page: number, pageSize: number, readerRank: number) {
  const visible = db.selectFrom('outbox as o').where(sql<boolean>`${recipientRank} < ${readerRank}`);
  const [items, total] = await Promise.all([
    visible
      .select(['o.id', 'o.to_address', 'o.subject', 'o.text_body', 'o.status', 'o.attempts', 'o.created_at', 'o.sent_at'])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    visible.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
