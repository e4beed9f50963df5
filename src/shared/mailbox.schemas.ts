import { z } from 'zod';
import { pageOf } from './pagination.ts';
import { text } from './text.ts';

export const OutboxStatus = z.enum(['pending', 'sent', 'failed']);

/** An email as the development mailbox shows it. */
export const MailboxMessage = z.object({
  id: text().uuid(),
  to: text(),
  subject: text(),
  text: text(),
  status: OutboxStatus,
  attempts: z.number().int(),
  createdAt: text(),
  sentAt: text().nullable(),
});
export type MailboxMessage = z.infer<typeof MailboxMessage>;
export const MailboxPage = pageOf(MailboxMessage);
export type MailboxPage = z.infer<typeof MailboxPage>;
