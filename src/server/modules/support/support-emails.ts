import type { OutgoingEmail } from '../email/outbox.repository.ts';

/** Where a support request is read in the app (notifications link to it; emails to its public address). */
export const supportRequestPath = (id: string) => `/support/${id}`;
export const supportRequestUrl = (publicUrl: string, id: string) => `${publicUrl}${supportRequestPath(id)}`;

const SIGNATURE = '\n\n—\npeercities: city-to-city learning for climate neutrality';
const fmtDay = (at: Date) => at.toLocaleDateString('en-GB', { timeZone: 'Europe/Brussels', weekday: 'long', day: 'numeric', month: 'long' });
const fmt = (at: Date) => at.toLocaleString('en-GB', { timeZone: 'Europe/Brussels', dateStyle: 'full', timeStyle: 'short' });

type Email = Omit<OutgoingEmail, 'to'>;

/** The expert who was assigned a request (by routing or by a manager). */
export function assignedEmail(i: { name: string; city: string; title: string; reasons: string; dueAt: Date; url: string }): Email {
  return {
    subject: `Support request from ${i.city}: ${i.title}`,
    text:
      `Hello ${i.name},\n\n${i.city} asks for your support: “${i.title}”.\n` +
      (i.reasons ? `Why you: ${i.reasons}.\n` : '') +
      `A first answer is due by ${fmt(i.dueAt)} (Brussels time).\n\nRead and answer: ${i.url}${SIGNATURE}`,
  };
}

/** The city's representatives: the expert answered, or held the session. */
export function answeredEmail(i: { name: string; expert: string; title: string; excerpt: string; url: string; session: boolean }): Email {
  return {
    subject: i.session ? `Session held: ${i.title}` : `${i.expert} answered: ${i.title}`,
    text:
      `Hello ${i.name},\n\n${i.expert} ${i.session ? 'marked the session held for' : 'answered'} your city's request “${i.title}”` +
      (i.excerpt ? `:\n\n${i.excerpt}\n` : '.\n') +
      `\nRead it, and close the request with a rating when it is settled: ${i.url}${SIGNATURE}`,
  };
}

/** The expert: the city closed the request with a rating, or reopened it. */
export function cityDecidedEmail(i: { name: string; city: string; title: string; closed: boolean; score?: number; note: string; url: string }): Email {
  return {
    subject: i.closed ? `${i.city} closed “${i.title}” (${i.score}/5)` : `${i.city} reopened “${i.title}”`,
    text:
      `Hello ${i.name},\n\n${i.city} ${i.closed ? `closed the request “${i.title}” and rated your support ${i.score} of 5` : `reopened the request “${i.title}”`}` +
      (i.note ? `:\n\n${i.note}\n` : '.\n') +
      `\n${i.url}${SIGNATURE}`,
  };
}

/** The city's representatives: a manager gave the request to another expert. */
export function reassignedEmail(i: { name: string; expert: string; title: string; url: string }): Email {
  return {
    subject: `Your request has a new expert: ${i.title}`,
    text: `Hello ${i.name},\n\nthe programme team gave your city's request “${i.title}” to ${i.expert}.\n\n${i.url}${SIGNATURE}`,
  };
}

/** The expert, from one working day before the first answer is due. */
export function reminderEmail(i: { name: string; city: string; title: string; dueAt: Date; url: string }): Email {
  return {
    subject: `Due by ${fmtDay(i.dueAt)}: an answer to ${i.city}`,
    text: `Hello ${i.name},\n\na first answer to ${i.city}'s request “${i.title}” is due by ${fmt(i.dueAt)} (Brussels time).\n\nAnswer: ${i.url}${SIGNATURE}`,
  };
}

/** The programme managers, once a first answer is overdue. */
export function escalationEmail(i: { name: string; city: string; title: string; expert: string | null; dueAt: Date; url: string }): Email {
  return {
    subject: `Overdue: ${i.city}'s support request`,
    text:
      `Hello ${i.name},\n\nthe first answer to ${i.city}'s request “${i.title}” was due by ${fmt(i.dueAt)} (Brussels time) and has not come` +
      (i.expert ? ` from ${i.expert}` : ': no expert was found for it') +
      `.\n\nFollow up or reassign it: ${i.url}${SIGNATURE}`,
  };
}
