import { SESSION_TIME_ZONE } from '../../../shared/support-sessions.schemas.ts';
import type { OutgoingEmail } from '../email/outbox.repository.ts';

// The emails of a call or peer session (docs/support.md, "Peer sessions and
// calls"); times in the programme's zone, as the page shows them.

const SIGNATURE = '\n\n—\npeercities: city-to-city learning for climate neutrality';
type Email = Omit<OutgoingEmail, 'to'>;

/** Where a session's .ics is downloaded, signed in. */
export const sessionIcsPath = (requestId: string) => `/api/support-requests/${requestId}/session.ics`;

/** "Monday, 14 December 2026 at 10:00 (Europe/Brussels time)", as the emails of meetings between cities write times. */
export const when = (at: Date) => `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: SESSION_TIME_ZONE }).format(at)} (${SESSION_TIME_ZONE} time)`;

/** A Mission City's representatives: the expert invites their city to a peer session. */
export function peerInvitationEmail(i: { name: string; expert: string; asker: string; city: string; title: string; url: string }): Email {
  return {
    subject: `${i.asker} would like to learn from ${i.city}: a peer session`,
    text:
      `Hello ${i.name},\n\n${i.expert}, an expert of the programme, invites ${i.city} to a peer session with ${i.asker} on “${i.title}”.\n` +
      `${i.city} was chosen for the solutions of its action plan in the library.\n\nRead the challenge and accept or decline: ${i.url}${SIGNATURE}`,
  };
}

/** The expert: an invited city answered. */
export function invitationAnsweredEmail(i: { name: string; city: string; accepted: boolean; title: string; url: string }): Email {
  return {
    subject: `${i.city} ${i.accepted ? 'accepted' : 'declined'} the peer session: ${i.title}`,
    text: `Hello ${i.name},\n\n${i.city} ${i.accepted ? 'accepted' : 'declined'} the invitation to the peer session “${i.title}”.\n\n${i.url}${SIGNATURE}`,
  };
}

/** The asking city: the expert proposes times. */
export function slotsProposedEmail(i: { name: string; expert: string; title: string; times: readonly Date[]; durationMinutes: number; url: string }): Email {
  return {
    subject: `Pick a time: ${i.title}`,
    text:
      `Hello ${i.name},\n\n${i.expert} proposes these times for a session of ${i.durationMinutes} minutes on “${i.title}”:\n` +
      i.times.map((t) => `- ${when(t)}`).join('\n') +
      `\n\nPick one: ${i.url}${SIGNATURE}`,
  };
}

/** Everyone taking part: a time was picked, or tomorrow's reminder. */
export function sessionScheduledEmail(i: { name: string; title: string; at: Date; durationMinutes: number; joinUrl: string; url: string; icsUrl: string; reminder: boolean }): Email {
  return {
    subject: i.reminder ? `Tomorrow: ${i.title}` : `Scheduled: ${i.title}`,
    text:
      `Hello ${i.name},\n\n` +
      (i.reminder ? `a reminder: the session “${i.title}” takes place soon.\n` : `the session “${i.title}” is scheduled.\n`) +
      `\nWhen: ${when(i.at)}, ${i.durationMinutes} minutes\n` +
      (i.joinUrl ? `Join: ${i.joinUrl}\n` : '') +
      `Add it to your calendar (.ics): ${i.icsUrl}\nThe request: ${i.url}${SIGNATURE}`,
  };
}

/** The expert: the city wrote what it takes away. */
export function takeawayEmail(i: { name: string; city: string; title: string; takeaway: string; url: string }): Email {
  return {
    subject: `What ${i.city} takes away: ${i.title}`,
    text: `Hello ${i.name},\n\n${i.city} wrote what it takes away from the session “${i.title}”:\n\n${i.takeaway}\n\n${i.url}${SIGNATURE}`,
  };
}
