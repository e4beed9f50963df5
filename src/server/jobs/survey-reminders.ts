import { addDays, zonedToUtc } from '../../domain/time/zoned-time.ts';
import type { Db } from '../db/client.ts';
import { mailInvitations } from '../modules/surveys/survey-emails.ts';
import { SURVEY_TIME_ZONE, surveyToday } from '../modules/surveys/surveys.repository.ts';

/** Days before a survey's last day when the people who have not answered are reminded. */
export const SURVEY_REMINDER_DAYS = 3;

/**
 * Reminds, once, the people invited to an open survey who have not answered,
 * from three days before its last day (Brussels time): an email each through
 * the outbox and a notification. Each survey's invitations are claimed with
 * their emails in one transaction (reminded_at set from the start of that
 * day), so a second run, in this process or another, reminds nobody twice;
 * a manager's reminder ("Remind", surveys.service.ts) sent within those days
 * counts as this one. Answers how many were reminded.
 */
export async function sendSurveyReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const today = surveyToday(now);
  const due = await db
    .selectFrom('surveys')
    .select(['id', 'title', 'anonymous', 'closes_on', 'respondent'])
    .where('sent_at', 'is not', null)
    .where('closed_at', 'is', null)
    .where('opens_on', '<=', today)
    .where('closes_on', '>=', today)
    .where('closes_on', '<=', addDays(today, SURVEY_REMINDER_DAYS))
    .orderBy('closes_on')
    .orderBy('id')
    .execute();
  let reminded = 0;
  for (const survey of due) {
    const from = zonedToUtc(addDays(survey.closes_on, -SURVEY_REMINDER_DAYS), '00:00', SURVEY_TIME_ZONE);
    reminded += await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('survey_invitations')
        .set({ reminded_at: now })
        .where('survey_id', '=', survey.id)
        .where('answered', '=', false)
        .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', from)]))
        .returning(['person_id', 'city_id'])
        .execute();
      return mailInvitations(trx, survey, claimed.map((c) => ({ personId: c.person_id, cityId: c.city_id })), { kind: 'reminder', publicUrl });
    });
  }
  return reminded;
}
