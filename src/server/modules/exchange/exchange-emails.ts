import type { OutgoingEmail } from '../email/outbox.repository.ts';

/** Where a conversation is read in the app (notifications link to it; emails to its public address). */
export const conversationPath = (conversationId: string) => `/messages/${conversationId}`;
export const conversationUrl = (publicUrl: string, conversationId: string) => `${publicUrl}${conversationPath(conversationId)}`;
export const MODERATION_PATH = '/admin/message-reports';

const SIGNATURE = '\n\n—\npeercities: city-to-city learning for climate neutrality';

/** A new conversation, or a new message in one, for a person of another party. */
export function newMessageEmail(i: { name: string; from: string; author: string; subject: string; excerpt: string; url: string; first: boolean }): Omit<OutgoingEmail, 'to'> {
  return {
    subject: i.first ? `${i.from} wrote to you: ${i.subject}` : `${i.from} answered: ${i.subject}`,
    text:
      `Hello ${i.name},\n\n${i.author} (${i.from}) ${i.first ? 'started a conversation with your city' : 'wrote in your conversation'} “${i.subject}”:\n\n` +
      `${i.excerpt}\n\nRead and answer: ${i.url}\n` +
      `Every representative of your city sees this conversation and the answers.${SIGNATURE}`,
  };
}

/** A message reported to the programme team. */
export function messageReportedEmail(i: { name: string; subject: string; reason: string; url: string }): Omit<OutgoingEmail, 'to'> {
  return {
    subject: `A message was reported: ${i.subject}`,
    text: `Hello ${i.name},\n\na message in the conversation “${i.subject}” was reported to the programme team:\n\n${i.reason}\n\nDecide whether to hide it: ${i.url}${SIGNATURE}`,
  };
}
