import type { Db } from '../db/client.ts';
import { claimSessionReminder, dueSessionReminders, invitationsOf } from '../modules/support/peer-sessions.repository.ts';
import { tellScheduled } from '../modules/support/peer-sessions.service.ts';
import { requestById } from '../modules/support/support.repository.ts';

const HOUR = 60 * 60 * 1000;

/**
 * The day before a scheduled call or peer session (docs/support.md): tells
 * everyone taking part once (kind "support", with the .ics link), for
 * sessions starting within the next 24 hours. The mark and the notifications
 * are written in one transaction: none is sent twice, even by two processes.
 */
export async function sendSupportSessionReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const due = await dueSessionReminders(db, now, new Date(now.getTime() + 24 * HOUR));
  let notified = 0;
  for (const s of due) {
    const at = new Date(s.scheduled_at as Date);
    await db.transaction().execute(async (trx) => {
      if (!(await claimSessionReminder(trx, s.request_id, at, now))) return;
      const row = await requestById(trx, s.request_id);
      if (!row) return;
      const result = await tellScheduled(trx, { row, invitations: await invitationsOf(trx, row.id) }, { at, publicUrl, except: null, reminder: true });
      notified += result.notified;
    });
  }
  return notified;
}
