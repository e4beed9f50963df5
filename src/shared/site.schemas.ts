import { z } from 'zod';

/** What every page may show about the platform itself (GET /api/site). */
export const SiteInfo = z.object({
  /** The programme team's address (CONTACT_EMAIL). */
  contactEmail: z.email(),
});
export type SiteInfo = z.infer<typeof SiteInfo>;
