import { addDays, addMonths, localDateAt } from '../../domain/time/zoned-time.ts';
import type { Db } from '../db/client.ts';
import { notify } from '../modules/notifications/notify.ts';
import { visitNoticeEmail, type VisitNoticeKind } from '../modules/visits/visit-emails.ts';
import { visitAudience, visitRows } from '../modules/visits/visits.repository.ts';
import { claimVisitNotice } from './visit-notices.repository.ts';

/** Which notice is due on `today` for a visit, if any (one at a time, the latest due first). */
export function dueNotice(visit: { startsOn: string; endsOn: string }, today: string): VisitNoticeKind | null {
  const schedule: [VisitNoticeKind, string][] = [
    ['update_12', addMonths(visit.endsOn, 12)],
    ['update_6', addMonths(visit.endsOn, 6)],
    ['update_3', addMonths(visit.endsOn, 3)],
    ['feedback', addDays(visit.endsOn, 1)],
    ['week_before', addDays(visit.startsOn, -7)],
  ];
  // A notice is due from its date for 14 days, so a pause in the scheduler does not lose it.
  const due = schedule.find(([, from]) => today >= from && today <= addDays(from, 14));
  return due ? due[0] : null;
}

/**
 * A week before a confirmed visit, the day after it (feedback), and 3, 6 and
 * 12 months after (replication updates): one notice per person (kind
 * 'visit_notice': a notification, and the email to those who hear of it at
 * once), recorded with it so none is sent twice. Answers how many emails were queued.
 */
export async function sendVisitNotices(db: Db, now: Date, publicUrl: string): Promise<number> {
  const visits = (await visitRows(db, {})).filter((v) => v.schedule_confirmed_at && v.starts_on && v.ends_on);
  let sent = 0;
  for (const v of visits) {
    const kind = dueNotice({ startsOn: v.starts_on ?? '', endsOn: v.ends_on ?? '' }, localDateAt(now, v.settings.timeZone));
    if (!kind) continue;
    for (const person of await visitAudience(db, v.id)) {
      await db.transaction().execute(async (trx) => {
        if (!(await claimVisitNotice(trx, { visitId: v.id, personId: person.id, kind }))) return;
        const email = (to: string, name: string) => visitNoticeEmail({ kind, to, name, hostName: v.host_name, url: `${publicUrl}/visits/${v.id}` });
        const done = await notify(trx, {
          kind: 'visit_notice',
          personIds: [person.id],
          title: email('', '').subject,
          link: `/visits/${v.id}`,
          email: (r) => {
            const { to: _to, ...rest } = email(r.email, r.name);
            return rest;
          },
        });
        sent += done.emailed;
      });
    }
  }
  return sent;
}
