import { z } from 'zod';
import { pageOf } from './pagination.ts';

export const OutboxStatus = z.enum(['pending', 'sent', 'failed']);

/** An email as the development mailbox shows it. */
export const MailboxMessage = z.object({
  id: z.string().uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailboxMessage = z.infer<typeof MailboxMessage>;
export const MailboxPage = pageOf(MailboxMessage);
export type MailboxPage = z.infer<typeof MailboxPage>;
