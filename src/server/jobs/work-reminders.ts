import { addDays, localDateAt } from '../../domain/time/zoned-time.ts';
import type { Db } from '../db/client.ts';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';
import { workReminderEmail } from '../modules/work/work-emails.ts';
import { overdueWork } from '../modules/work/work.service.ts';
import { claimReminders, forgetRemindersBefore } from './work-reminders.repository.ts';

/**
 * Emails, through the outbox, what is overdue on people's start pages
 * (overdueWork: evaluators, representatives, programme managers; never a
 * deactivated account or someone who lost the role). One email per person
 * and run with the items not reminded yet that day (the local day of the
 * item's programme), each recorded in the email's transaction, so nobody is
 * reminded twice of the same item on the same day.
 */
export async function sendWorkReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  await forgetRemindersBefore(db, addDays(localDateAt(now, 'UTC'), -31));
  let sent = 0;
  for (const { person, items } of await overdueWork(db, now)) {
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
