import { z } from 'zod';
import { Impact } from './visit.schemas.ts';
import { text } from './text.ts';

const PublicCity = z.object({ name: text(), slug: text(), country: text() });

/**
 * The published outcomes of a programme, for everyone: cities, confirmed
 * visits and what the visiting cities replicate. Deliberately without any
 * person: no delegates, facilitators, plan owners, emails or needs.
 */
export const ProgrammeOutcomes = z.object({
  programme: z.object({ slug: text(), title: text(), editionYear: z.number().int() }),
  hosts: z.array(PublicCity),
  visitingCities: z.array(PublicCity),
  visits: z.array(
    z.object({
      id: z.uuid(),
      host: PublicCity,
      visitors: z.array(PublicCity),
      startsOn: text().nullable(),
      endsOn: text().nullable(),
      plans: z.number().int(),
      replicated: z.number().int(),
      inProgress: z.number().int(),
      /** What the visiting cities replicate: the plan's title, the host solution it follows, and where it stands. */
      replications: z.array(
        z.object({
          city: text(),
          title: text(),
          solutionId: z.uuid().nullable(),
          solutionTitle: text().nullable(),
          status: z.enum(['not_started', 'in_progress', 'done', 'dropped']),
        }),
      ),
    }),
  ),
  travelCo2Kg: z.number(),
  impact: Impact,
});
export type ProgrammeOutcomes = z.infer<typeof ProgrammeOutcomes>;
