import type { OutgoingEmail } from '../email/outbox.repository.ts';

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
