import { urgencyOf } from '../../../domain/work/work-queue.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { SUPPORT_CALENDAR } from '../support/support-calendar.ts';
import { supportRequestPath } from '../support/support-emails.ts';
import { workItem, type Queue } from './work.presenter.ts';

/** An expert's queue: the support requests assigned to them and waiting for their answer (new or reopened), by due date (issue 21). */
export async function expertQueues(db: Db, expertId: string, now: Date): Promise<Queue[]> {
  const rows = await db
    .selectFrom('support_requests as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .select(['r.id', 'r.title', 'r.first_answer_due_at', 'c.name as city'])
    .where('r.expert_id', '=', expertId)
    .where('r.state', '=', 'assigned')
    .orderBy('r.first_answer_due_at')
    .orderBy('r.id')
    .execute();
  const items = rows.map((r) =>
    workItem({
      key: `support:${r.id}`,
      label: reason('WORK_EXPERT_SUPPORT_REQUEST', { city: r.city, title: r.title }),
      link: supportRequestPath(r.id),
      urgency: urgencyOf(new Date(r.first_answer_due_at), now),
      timeZone: SUPPORT_CALENDAR.timeZone,
      date: { at: new Date(r.first_answer_due_at), meaning: 'due' },
    }),
  );
  return [{ kind: 'support_requests', role: 'expert', items, link: '/support?scope=assigned' }];
}
