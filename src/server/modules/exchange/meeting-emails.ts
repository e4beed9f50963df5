import type { OutgoingEmail } from '../email/outbox.repository.ts';
import type { Recipient } from '../notifications/notify.ts';

/** Where the conversation is read in the app (the notification's link). */
export const conversationPath = (conversationId: string) => `/messages/${conversationId}`;

/** The .ics of a meeting request; people download it signed in (the outbox carries text only). */
export const meetingIcsUrl = (publicUrl: string, conversationId: string, requestId: string) =>
  `${publicUrl}/api/conversations/${conversationId}/meeting-requests/${requestId}/invite.ics`;

const SIGNATURE = '\n\n—\npeercities: city-to-city learning for climate neutrality';

/** A date and time in the reader's city zone, with the zone named ("Friday 26 March 2027 at 10:00 (Europe/Madrid time)"). */
export const formatInZone = (date: Date, timeZone: string) =>
  `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date)} (${timeZone} time)`;

export type MeetingEvent = 'proposed' | 'accepted' | 'declined' | 'cancelled' | 'moved' | 'reproposed' | 'reminder';

export interface MeetingEmailInput {
  event: MeetingEvent;
  /** Who acted ("Tartu"), or the meeting's other side for a reminder. */
  actorParty: string;
  title: string;
  conversationSubject: string;
  /** The agreed start, or the proposed ones. */
  times: readonly Date[];
  durationMinutes: number;
  joinUrl: string;
  declineReason?: string | null;
  conversationUrl: string;
  icsUrl: string;
  /** The recipient's zone (their city's). */
  timeZoneOf: (recipient: Recipient) => string;
}

/** One line for the bell, in plain words. */
export function meetingNotificationTitle(i: Pick<MeetingEmailInput, 'event' | 'actorParty' | 'title'>): string {
  switch (i.event) {
    case 'proposed':
      return `${i.actorParty} proposes an online meeting: ${i.title}`;
    case 'accepted':
      return `${i.actorParty} accepted the meeting: ${i.title}`;
    case 'declined':
      return `${i.actorParty} declined the meeting: ${i.title}`;
    case 'cancelled':
      return `${i.actorParty} cancelled the meeting: ${i.title}`;
    case 'moved':
      return `${i.actorParty} moved the meeting: ${i.title}`;
    case 'reproposed':
      return `${i.actorParty} proposes new times for: ${i.title}`;
    case 'reminder':
      return `Tomorrow: ${i.title}`;
  }
}

/** The email of a meeting request's change, in the recipient's time zone, with the link to the .ics when a time is agreed. */
export function meetingEmail(i: MeetingEmailInput) {
  return (r: Recipient): Omit<OutgoingEmail, 'to'> => {
    const zone = i.timeZoneOf(r);
    const times = i.times.map((t) => `- ${formatInZone(t, zone)}`).join('\n');
    const agreed = i.event === 'accepted' || i.event === 'moved' || i.event === 'reminder';
    const lines = [`Hello ${r.name},`, ''];
    if (i.event === 'proposed' || i.event === 'reproposed') {
      lines.push(`${i.actorParty} proposes an online meeting of ${i.durationMinutes} minutes, “${i.title}”, in the conversation “${i.conversationSubject}”. Times proposed:`, times, '', `Accept one time or decline: ${i.conversationUrl}`);
    } else if (agreed) {
      lines.push(
        i.event === 'reminder' ? `a reminder: the online meeting “${i.title}” takes place tomorrow.` : i.event === 'accepted' ? `${i.actorParty} accepted the online meeting “${i.title}”.` : `${i.actorParty} moved the online meeting “${i.title}” to a new time.`,
        '',
        `When: ${i.times[0] ? formatInZone(i.times[0], zone) : ''}, ${i.durationMinutes} minutes`,
        `Join: ${i.joinUrl}`,
        `Add it to your calendar (.ics): ${i.icsUrl}`,
        `Conversation: ${i.conversationUrl}`,
      );
    } else if (i.event === 'declined') {
      lines.push(`${i.actorParty} declined the online meeting “${i.title}”.`, ...(i.declineReason ? ['', `Their reason: ${i.declineReason}`] : []), '', `Conversation: ${i.conversationUrl}`);
    } else {
      lines.push(
        `${i.actorParty} cancelled the online meeting “${i.title}”.`,
        ...(i.times[0] ? [`It was planned for ${formatInZone(i.times[0], zone)}.`, `Remove it from your calendar (.ics): ${i.icsUrl}`] : []),
        '',
        `Conversation: ${i.conversationUrl}`,
      );
    }
    return { subject: meetingNotificationTitle(i), text: lines.join('\n') + SIGNATURE };
  };
}
