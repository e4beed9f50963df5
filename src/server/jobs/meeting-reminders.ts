import type { Db } from '../db/client.ts';
import { meetingCalendarUrl, meetingReminderEmail } from '../modules/groups/group-emails.ts';
import { claimMeetingReminder, dueMeetingReminders } from '../modules/groups/meetings.repository.ts';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Emails each participant once, the day before a group meeting starts (within the next 24 hours). */
export async function sendMeetingReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const due = await dueMeetingReminders(db, now, new Date(now.getTime() + DAY));
  let sent = 0;
  for (const row of due) {
    // The reminder is recorded with its email: none is sent twice, even by two processes at once.
    await db.transaction().execute(async (trx) => {
      if (!(await claimMeetingReminder(trx, row.meeting_id, row.person_id))) return;
      await enqueueEmail(
        trx,
        meetingReminderEmail({
          to: row.email,
          name: row.name,
          groupName: row.group_name,
          title: row.title,
          startsAt: new Date(row.starts_at),
          timeZone: row.settings.timeZone,
          joinUrl: row.join_url,
          icsUrl: meetingCalendarUrl(publicUrl, row.meeting_id),
        }),
      );
      sent += 1;
    });
  }
  return sent;
}
