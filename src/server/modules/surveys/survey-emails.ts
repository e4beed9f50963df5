import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SurveysTable } from '../../db/tables/surveys.ts';
import { outboxRow, type OutgoingEmail } from '../email/outbox.repository.ts';

/** Where a survey is answered in the app; per-city surveys name the city answered for. */
export const surveyAnswerPath = (id: string, cityId: string | null) => `/surveys/${id}/answer${cityId ? `?cityId=${cityId}` : ''}`;
export const surveyAnswerUrl = (publicUrl: string, id: string, cityId: string | null) => `${publicUrl}${surveyAnswerPath(id, cityId)}`;

const SIGNATURE = '\n\n—\npeercities: city-to-city learning for climate neutrality';
/** A day of the window (YYYY-MM-DD) as people read it: "Friday 8 January 2027". */
export const fmtDay = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

type Email = Omit<OutgoingEmail, 'to'>;

interface SurveyMail {
  name: string;
  title: string;
  /** Per-city surveys: the city answered for. */
  city: string | null;
  anonymous: boolean;
  closesOn: string;
  url: string;
}

const forWhom = (i: SurveyMail) => (i.city ? `One answer for ${i.city}: any of its representatives can give it, and colleagues see the draft.\n` : '');
const privacy = (i: SurveyMail) => (i.anonymous ? 'Answers are anonymous: the platform keeps no link from your answer to you.\n' : '');

/** A person invited to answer (sending the survey). */
export function invitationEmail(i: SurveyMail): Email {
  return {
    subject: `Survey: ${i.title}`,
    text: `Hello ${i.name},\n\nthe programme team asks you to answer the survey “${i.title}” by ${fmtDay(i.closesOn)}.\n${forWhom(i)}${privacy(i)}\nAnswer: ${i.url}${SIGNATURE}`,
  };
}

/** A person invited who has not answered (by hand, or 3 days before the window closes). */
export function reminderEmail(i: SurveyMail): Email {
  return {
    subject: `Reminder: ${i.title} closes on ${fmtDay(i.closesOn)}`,
    text: `Hello ${i.name},\n\nthe survey “${i.title}” is still waiting for ${i.city ? `${i.city}'s` : 'your'} answer; it closes on ${fmtDay(i.closesOn)}.\n${privacy(i)}\nAnswer: ${i.url}${SIGNATURE}`,
  };
}

/**
 * Emails (through the outbox, to every person whatever their notification
 * choices: a survey asks them something) and in-app notifications for
 * invitations. Disabled and erased accounts are left out.
 */
export async function mailInvitations(
  db: Kysely<Database>,
  survey: { id: string; title: string; anonymous: boolean; closes_on: string; respondent: SurveysTable['respondent'] },
  invitations: readonly { personId: string; cityId: string | null }[],
  i: { kind: 'invitation' | 'reminder'; publicUrl: string },
): Promise<number> {
  if (!invitations.length) return 0;
  const people = await db
    .selectFrom('people')
    .select(['id', 'email', 'name'])
    .where('id', 'in', invitations.map((x) => x.personId))
    .where('disabled_at', 'is', null)
    .where('erased_at', 'is', null)
    .execute();
  const cityIds = [...new Set(invitations.flatMap((x) => (x.cityId ? [x.cityId] : [])))];
  const cities = new Map(cityIds.length ? (await db.selectFrom('cities').select(['id', 'name']).where('id', 'in', cityIds).execute()).map((c) => [c.id, c.name]) : []);
  const byId = new Map(people.map((p) => [p.id, p]));
  const emails = [];
  const notes = [];
  for (const inv of invitations) {
    const person = byId.get(inv.personId);
    if (!person) continue;
    // Per-person surveys do not name a city: the person answers for themselves.
    const cityId = survey.respondent === 'city' ? inv.cityId : null;
    const city = cityId ? (cities.get(cityId) ?? null) : null;
    const mail = { name: person.name, title: survey.title, city, anonymous: survey.anonymous, closesOn: survey.closes_on, url: surveyAnswerUrl(i.publicUrl, survey.id, cityId) };
    emails.push(outboxRow({ to: person.email, ...(i.kind === 'invitation' ? invitationEmail(mail) : reminderEmail(mail)) }));
    notes.push({
      person_id: person.id,
      // No kind of its own (that needs a migration): a survey is a deadline to meet; written for the app only, the email above is the email.
      kind: 'deadline',
      title: (i.kind === 'invitation' ? `Survey: ${survey.title}` : `Reminder: ${survey.title}`).slice(0, 300),
      body: city ? `For ${city}` : '',
      link: surveyAnswerPath(survey.id, cityId),
      delivery: 'app',
    });
  }
  if (emails.length) {
    await db.insertInto('outbox').values(emails).execute();
    await db.insertInto('notifications').values(notes).execute();
  }
  return emails.length;
}
