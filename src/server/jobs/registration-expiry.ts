import type { Db } from '../db/client.ts';
import { expireUnverifiedRegistrations } from '../modules/registration/registration.service.ts';

/** Deletes registrations whose email was not verified within seven days (decision 0020); returns how many. */
export function expireRegistrations(db: Db, now: Date): Promise<number> {
  return expireUnverifiedRegistrations(db, now);
}
