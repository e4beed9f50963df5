import type { Db } from '../db/client.ts';
import { deadlineReminderEmail, notifyRepresentatives, type Addressee } from '../modules/applications/application-emails.ts';
import { callsOpenAt, claimReminder, draftsNotReminded } from './deadline-reminders.repository.ts';

const DAY = 24 * 60 * 60 * 1000;
const REMINDERS = [
  { kind: 'deadline_1d', within: DAY, days: 1 },
  { kind: 'deadline_7d', within: 7 * DAY, days: 7 },
] as const;

/**
 * Tells the representatives of cities whose application is still a draft,
 * 7 days and 1 day before the call closes (kind 'deadline': a notification,
 * and the email to those who hear of it at once). Each reminder is recorded
 * in the same transaction as its notifications, so none is sent twice.
 * Answers how many emails were queued.
 */
export async function sendDeadlineReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const open = await callsOpenAt(db, now);
  let sent = 0;
  for (const call of open) {
    const endsAt = new Date(call.closes_at);
    const left = endsAt.getTime() - now.getTime();
    // Only the most urgent reminder due: a draft started 2 days before the end gets the 1-day one only later.
    const due = REMINDERS.find((r) => left <= r.within);
    if (!due) continue;
    const drafts = await draftsNotReminded(db, call.id, due.kind);
    for (const draft of drafts) {
      await db.transaction().execute(async (trx) => {
        if (!(await claimReminder(trx, draft.id, due.kind))) return;
        sent += await notifyRepresentatives(trx, 'deadline', [{ cityId: draft.city_id }], () => {
          const email = (addressee: Addressee) =>
            deadlineReminderEmail({
              ...addressee,
              cityName: draft.name,
              programmeTitle: call.title,
              callKind: call.kind,
              closesAt: endsAt,
              timeZone: call.settings.timeZone,
              daysLeft: due.days,
              url: `${publicUrl}/applications/${draft.id}`,
            });
          return { title: email({ to: '', name: '' }).subject, body: `${draft.name}'s application is still a draft.`, link: `/applications/${draft.id}`, email };
        });
      });
    }
  }
  return sent;
}
