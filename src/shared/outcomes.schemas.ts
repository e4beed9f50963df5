import { z } from 'zod';
import { Impact } from './visit.schemas.ts';

const PublicCity = z.object({ name: z.string(), slug: z.string(), country: z.string() });

/**
 * The published outcomes of a programme, for everyone: cities, confirmed
 * visits and what the visiting cities replicate. Deliberately without any
 * person: no delegates, facilitators, plan owners, emails or needs.
 */
export const ProgrammeOutcomes = z.object({
  programme: z.object({ slug: z.string(), title: z.string(), editionYear: z.number().int() }),
  hosts: z.array(PublicCity),
  visitingCities: z.array(PublicCity),
  visits: z.array(
    z.object({
      id: z.uuid(),
      host: PublicCity,
      visitors: z.array(PublicCity),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      plans: z.number().int(),
      replicated: z.number().int(),
      inProgress: z.number().int(),
      /** What the visiting cities replicate: the plan's title, the host solution it follows, and where it stands. */
      replications: z.array(
        z.object({
          city: z.string(),
          title: z.string(),
          solutionId: z.uuid().nullable(),
          solutionTitle: z.string().nullable(),
          status: z.enum(['not_started', 'in_progress', 'done', 'dropped']),
        }),
      ),
    }),
  ),
  travelCo2Kg: z.number(),
  impact: Impact,
});
export type ProgrammeOutcomes = z.infer<typeof ProgrammeOutcomes>;
