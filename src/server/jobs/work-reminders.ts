import { addDays, localDateAt } from '../../domain/time/zoned-time.ts';
import type { Db } from '../db/client.ts';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';
import { allFollowUp } from '../modules/work/city-work.service.ts';
import { evaluationItems } from '../modules/work/evaluator-work.service.ts';
import { managerQueues } from '../modules/work/manager-work.service.ts';
import { loadWorkContext } from '../modules/work/work-context.service.ts';
import { workReminderEmail } from '../modules/work/work-emails.ts';
import type { QueuedItem } from '../modules/work/work.presenter.ts';
import { pendingEvaluations } from '../modules/work/work.repository.ts';
import { activeHoldersOf, claimReminders, forgetRemindersBefore } from './work-reminders.repository.ts';

interface Letter {
  person: { id: string; email: string; name: string };
  items: Map<string, QueuedItem>;
}

/**
 * Emails, through the outbox, what is overdue on people's start pages:
 * evaluators their overdue evaluations, representatives the feedback and
 * replication updates their cities owe, programme managers a short list of
 * everything overdue on theirs. One email per person and run with the items
 * not reminded yet that day (the local day of the item's programme), each
 * recorded in the email's transaction, so nobody is reminded twice of the
 * same item on the same day. Deactivated accounts and people who no longer
 * hold the role get nothing.
 */
export async function sendWorkReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  await forgetRemindersBefore(db, addDays(localDateAt(now, 'UTC'), -31));
  const ctx = await loadWorkContext(db, now);
  const [pending, followUp, managerWork, managers] = await Promise.all([
    pendingEvaluations(db, { activeEvaluators: true }),
    allFollowUp(db, ctx),
    managerQueues(db, ctx),
    activeHoldersOf(db, 'programme_manager'),
  ]);
  const overdueFollowUp = followUp.filter((f) => f.item.urgency === 'overdue');
  const representatives = await activeHoldersOf(db, 'city_representative', [...new Set(overdueFollowUp.map((f) => f.cityId))]);

  const letters = new Map<string, Letter>();
  const remind = (person: Letter['person'], items: readonly QueuedItem[]) => {
    const letter = letters.get(person.id) ?? { person, items: new Map() };
    for (const item of items) if (item.urgency === 'overdue') letter.items.set(item.key, item);
    letters.set(person.id, letter);
  };
  for (const row of pending) remind({ id: row.evaluator_id, email: row.email, name: row.name }, evaluationItems([row], ctx));
  for (const rep of representatives) {
    remind(
      rep,
      overdueFollowUp.filter((f) => f.cityId === rep.city_id).map((f) => f.item),
    );
  }
  const managerItems = managerWork.flatMap((q) => q.items);
  for (const manager of managers) remind(manager, managerItems);

  let sent = 0;
  for (const { person, items } of letters.values()) {
    if (!items.size) continue;
    await db.transaction().execute(async (trx) => {
      const claimed = await claimReminders(
        trx,
        person.id,
        [...items.values()].map((item) => ({ key: item.key, day: localDateAt(now, item.timeZone) })),
      );
      const due = [...items.values()].filter((item) => claimed.has(item.key));
      if (!due.length) return;
      await enqueueEmail(trx, workReminderEmail({ to: person.email, name: person.name, items: due, publicUrl }));
      sent += 1;
    });
  }
  return sent;
}
