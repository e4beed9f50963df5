import { z } from 'zod';

/** What every page may show about the platform itself (GET /api/site). */
export const SiteInfo = z.object({
  /** The programme team's address (CONTACT_EMAIL). */
  contactEmail: z.email(),
  /** Whether the development mailbox exists (no SMTP_URL): the web app shows its menu entry only then. */
  devMailbox: z.boolean().default(false),
});
export type SiteInfo = z.infer<typeof SiteInfo>;
