import { z } from 'zod';
import { SectorCode } from './city.schemas.ts';
import { Reason } from './reason.ts';
import { text } from './text.ts';

/**
 * GET /api/groups/:id/proposed-cities: cities a discussion group could
 * invite, because their priority sectors (support-needs survey, issue 22)
 * are among the group's (src/domain/groups/propose-members.ts).
 */
export const ProposedCities = z.object({
  items: z.array(
    z.object({
      city: z.object({ id: z.uuid(), slug: text(), name: text(), country: text() }),
      sharedSectors: z.array(SectorCode),
      reason: Reason,
    }),
  ),
});
export type ProposedCities = z.infer<typeof ProposedCities>;
