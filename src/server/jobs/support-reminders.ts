import { sql } from 'kysely';
import { workingDaysBetween } from '../../domain/support/working-days.ts';
import type { Db } from '../db/client.ts';
import { notify, programmeTeam } from '../modules/notifications/notify.ts';
import { escalationEmail, reminderEmail, supportRequestPath, supportRequestUrl } from '../modules/support/support-emails.ts';
import { SUPPORT_CALENDAR } from '../modules/support/support-calendar.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Calendar days ahead that can hold one working day (a weekend and a few holidays). */
const LOOK_AHEAD_DAYS = 10;

type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

/** Writes the request's one 'reminded' or 'escalated' event; false when it was already there (another run, another process). */
async function claim(trx: Trx, requestId: string, kind: 'reminded' | 'escalated', at: Date, note: string): Promise<boolean> {
  const result = await sql`
    INSERT INTO support_events (request_id, kind, at, actor_id, note) VALUES (${requestId}, ${kind}, ${at}, NULL, ${note})
    ON CONFLICT (request_id, kind) WHERE kind IN ('reminded', 'escalated') DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/**
 * The service level of expert support (docs/support.md): the assigned
 * expert is reminded once, from one working day before the first answer is
 * due (Brussels time, Belgian holidays off); once it is overdue, the
 * programme managers are told once. Each is an event of the request written
 * with its notifications in one transaction, so neither happens twice,
 * whatever the number of runs and processes. Answers how many were sent.
 */
export async function sendSupportReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const open = await db
    .selectFrom('support_requests as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .leftJoin('people as e', 'e.id', 'r.expert_id')
    .select(['r.id', 'r.title', 'r.state', 'r.expert_id', 'r.first_answer_due_at', 'c.name as city', 'e.name as expert'])
    .select(sql<boolean>`EXISTS (SELECT 1 FROM support_events v WHERE v.request_id = r.id AND v.kind = 'reminded')`.as('reminded'))
    .select(sql<boolean>`EXISTS (SELECT 1 FROM support_events v WHERE v.request_id = r.id AND v.kind = 'escalated')`.as('escalated'))
    .where('r.first_answered_at', 'is', null)
    .where('r.state', '<>', 'closed')
    .where('r.first_answer_due_at', '<', new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY))
    .orderBy('r.first_answer_due_at')
    .orderBy('r.id')
    .execute();
  let sent = 0;
  for (const r of open) {
    const dueAt = new Date(r.first_answer_due_at);
    const url = supportRequestUrl(publicUrl, r.id);
    if (now > dueAt) {
      if (r.escalated) continue;
      await db.transaction().execute(async (trx) => {
        if (!(await claim(trx, r.id, 'escalated', now, 'The first answer is overdue: the programme managers were told.'))) return;
        const result = await notify(trx, {
          kind: 'support',
          personIds: await programmeTeam(trx),
          title: `Overdue: ${r.city}'s support request “${r.title}”`,
          body: r.expert ? `Assigned to ${r.expert}` : 'No expert was found for it',
          link: supportRequestPath(r.id),
          email: (p) => escalationEmail({ name: p.name, city: r.city, title: r.title, expert: r.expert, dueAt, url }),
        });
        sent += result.notified;
      });
    } else if (r.expert_id && r.state === 'assigned' && !r.reminded && workingDaysBetween(now, dueAt, SUPPORT_CALENDAR) <= 1) {
      const expertId = r.expert_id;
      await db.transaction().execute(async (trx) => {
        if (!(await claim(trx, r.id, 'reminded', now, 'The expert was reminded that the first answer is due.'))) return;
        const result = await notify(trx, {
          kind: 'support',
          personIds: [expertId],
          title: `An answer to ${r.city} is due: ${r.title}`,
          link: supportRequestPath(r.id),
          email: (p) => reminderEmail({ name: p.name, city: r.city, title: r.title, dueAt, url }),
        });
        sent += result.notified;
      });
    }
  }
  return sent;
}
