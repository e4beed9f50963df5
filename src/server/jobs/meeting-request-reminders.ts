import { DEFAULT_TIME_ZONE, timeZoneOfCountry } from '../../domain/calendar/city-time-zones.ts';
import type { Db } from '../db/client.ts';
import { conversationPath, meetingEmail, meetingIcsUrl, meetingNotificationTitle } from '../modules/exchange/meeting-emails.ts';
import { claimMeetingRequestReminder, dueMeetingRequestReminders, partiesOfConversation, peopleOfParties } from '../modules/exchange/meeting-requests.repository.ts';
import { notify, representativesOf } from '../modules/notifications/notify.ts';

const HOUR = 60 * 60 * 1000;

/**
 * The day before an accepted meeting between cities: tells everyone on both
 * sides once (kind "meeting"), for meetings starting 24 to 25 hours from
 * `now` (the job runs every few minutes; a meeting accepted or moved to less
 * than 24 hours ahead gets no reminder). The mark and the notifications are
 * written in one transaction: none is sent twice, even by two processes.
 */
export async function sendMeetingRequestReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const due = await dueMeetingRequestReminders(db, new Date(now.getTime() + 24 * HOUR), new Date(now.getTime() + 25 * HOUR));
  let notified = 0;
  for (const m of due) {
    const startsAt = new Date(m.scheduled_at as Date);
    await db.transaction().execute(async (trx) => {
      if (!(await claimMeetingRequestReminder(trx, m.id, startsAt, now))) return;
      const parties = await partiesOfConversation(trx, m.conversation_id);
      const zoneOf = new Map<string, string>();
      for (const p of parties.filter((q) => q.kind === 'city' && q.city_id)) {
        for (const id of await representativesOf(trx, [p.city_id as string])) if (!zoneOf.has(id)) zoneOf.set(id, timeZoneOfCountry(p.country));
      }
      const input = {
        event: 'reminder' as const,
        actorParty: '',
        title: m.title,
        conversationSubject: m.subject,
        times: [startsAt],
        durationMinutes: m.duration_minutes,
        joinUrl: m.join_url,
        conversationUrl: `${publicUrl}${conversationPath(m.conversation_id)}`,
        icsUrl: meetingIcsUrl(publicUrl, m.conversation_id, m.id),
        timeZoneOf: (r: { id: string }) => zoneOf.get(r.id) ?? DEFAULT_TIME_ZONE,
      };
      const result = await notify(trx, {
        kind: 'meeting',
        personIds: await peopleOfParties(trx, parties),
        title: meetingNotificationTitle(input),
        body: m.subject,
        link: conversationPath(m.conversation_id),
        email: meetingEmail(input),
      });
      notified += result.notified;
    });
  }
  return notified;
}
