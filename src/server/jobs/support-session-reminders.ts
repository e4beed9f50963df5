import type { Db } from '../db/client.ts';
import { remindScheduledSessions } from '../modules/support/peer-sessions.service.ts';

/** The day before a scheduled call or peer session of expert support, everyone taking part is reminded once (docs/support.md). */
export function sendSupportSessionReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  return remindScheduledSessions(db, now, publicUrl);
}
