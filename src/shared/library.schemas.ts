import { z } from 'zod';
import { SectorCode, listParam } from './city.schemas.ts';
import { FacetValue, Highlighted, LeverCode, SolutionCard, SolutionCity, SolutionSearchQuery } from './solution.schemas.ts';
import { Instant, text } from './text.ts';

// The public library (GET /api/library): the published solutions and the
// published questions and answers of expert support (docs/support.md,
// "Knowledge"), found by one full-text search, filtered and counted by the
// same facets. GET /api/solutions stays solutions only.

/** solution: a city's solution; answer: a question a city asked and an expert answered. */
export const LibraryKind = z.enum(['solution', 'answer']);
export type LibraryKind = z.infer<typeof LibraryKind>;

export const LibrarySearchQuery = SolutionSearchQuery.extend({ kind: listParam(LibraryKind) });
export type LibrarySearchQuery = z.infer<typeof LibrarySearchQuery>;

export const LibrarySolutionHit = SolutionCard.extend({ kind: z.literal('solution'), titleHighlight: Highlighted, snippet: Highlighted });
export const LibraryAnswerHit = z.object({
  kind: z.literal('answer'),
  id: z.uuid(),
  title: text(),
  titleHighlight: Highlighted,
  /** From the question and the answer. */
  snippet: Highlighted,
  sectors: z.array(SectorCode),
  levers: z.array(LeverCode),
  city: SolutionCity,
  publishedAt: Instant,
});
export type LibraryAnswerHit = z.infer<typeof LibraryAnswerHit>;

export const LibraryHit = z.discriminatedUnion('kind', [LibrarySolutionHit, LibraryAnswerHit]);
export type LibraryHit = z.infer<typeof LibraryHit>;

export const LibrarySearchResult = z.object({
  items: z.array(LibraryHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** For each filter, the count of each value with all the other filters applied. Stage and "visitable" describe solutions only. */
  facets: z.object({
    kind: z.array(FacetValue),
    sector: z.array(FacetValue),
    country: z.array(FacetValue),
    stage: z.array(FacetValue),
    lever: z.array(FacetValue),
    mission: z.array(FacetValue),
    visitable: z.array(FacetValue),
  }),
});
export type LibrarySearchResult = z.infer<typeof LibrarySearchResult>;
