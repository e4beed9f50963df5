import { z } from 'zod';
import { CityKind, CitySummary, SectorCode, listParam } from './city.schemas.ts';
import { because } from './issue-reason.ts';
import { text, webAddress } from './text.ts';

export const LeverCode = z.enum([
  'technology-infrastructure',
  'governance-policy',
  'social-innovation',
  'democracy-participation',
  'finance-funding',
  'learning-capabilities',
]);
export type LeverCode = z.infer<typeof LeverCode>;

export const SolutionStage = z.enum(['planned', 'in_progress', 'implemented']);
export type SolutionStage = z.infer<typeof SolutionStage>;

/** Investment bands in euros. */
export const CostRange = z.enum(['under_100k', '100k_1m', '1m_10m', '10m_100m', 'over_100m']);
export type CostRange = z.infer<typeof CostRange>;

export const SolutionStatus = z.enum(['draft', 'published']);
export type SolutionStatus = z.infer<typeof SolutionStatus>;

export const SolutionLink = z.object({
  label: text().trim().min(1).max(200),
  url: text()
    .trim()
    .max(2000)
    .pipe(webAddress({ protocol: /^https?$/, error: 'Use an http or https address.' })),
});
export type SolutionLink = z.infer<typeof SolutionLink>;

/**
 * Text with the parts that matched the search marked. Plain text segments,
 * never HTML: the page renders them as text, so stored text cannot inject markup.
 */
export const Highlighted = z.array(z.object({ text: text(), match: z.boolean() }));
export type Highlighted = z.infer<typeof Highlighted>;

export const SolutionCity = CitySummary.pick({ id: true, slug: true, name: true, country: true, kind: true });

export const SolutionCard = z.object({
  id: text().uuid(),
  title: text(),
  summary: text(),
  sectors: z.array(SectorCode),
  lever: LeverCode,
  stage: SolutionStage,
  impactTco2ePerYear: z.number().nullable(),
  costRange: CostRange.nullable(),
  visitable: z.boolean(),
  status: SolutionStatus,
  demo: z.boolean(),
  language: text(),
  city: SolutionCity,
  updatedAt: text(),
});
export type SolutionCard = z.infer<typeof SolutionCard>;

export const SolutionDetail = SolutionCard.extend({
  bodyHtml: text(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  links: z.array(SolutionLink),
  tags: z.array(text()),
  publishedAt: text().nullable(),
  createdAt: text(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type SolutionDetail = z.infer<typeof SolutionDetail>;

export const SolutionSort = z.enum(['relevance', 'newest', 'impact', 'title']);
export type SolutionSort = z.infer<typeof SolutionSort>;

export const SolutionSearchQuery = z.object({
  q: text().trim().max(200).optional(),
  sector: listParam(SectorCode),
  country: listParam(text().trim().toUpperCase().regex(/^[A-Z]{2}$/)),
  stage: listParam(SolutionStage),
  lever: listParam(LeverCode),
  /** `mission`: only Mission Cities' solutions; `aspiring`: only the others. */
  mission: listParam(CityKind),
  visitable: z.stringbool().optional(),
  city: text().max(120).optional(),
  sort: SolutionSort.default('relevance'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SolutionSearchQuery = z.infer<typeof SolutionSearchQuery>;

export const FacetValue = z.object({ value: text(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

export const SolutionSearchResult = z.object({
  items: z.array(
    SolutionCard.extend({
      titleHighlight: Highlighted,
      snippet: Highlighted,
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** For each filter, the count of each value with all the other filters applied. */
  facets: z.object({
    sector: z.array(FacetValue),
    country: z.array(FacetValue),
    stage: z.array(FacetValue),
    lever: z.array(FacetValue),
    mission: z.array(FacetValue),
    visitable: z.array(FacetValue),
  }),
});
export type SolutionSearchResult = z.infer<typeof SolutionSearchResult>;
export type SolutionSearchItem = SolutionSearchResult['items'][number];

const year = z.number().int().min(1990).max(2100);

const solutionFields = {
  title: text().trim().min(3, 'Use at least 3 characters.').max(200),
  summary: text().trim().min(1, 'Enter a summary.').max(1000),
  bodyHtml: text().max(50_000).default(''),
  sectors: z.array(SectorCode).min(1, 'Choose at least one sector.').max(6),
  lever: LeverCode,
  stage: SolutionStage,
  impactTco2ePerYear: z.number().min(0).max(100_000_000).nullable().default(null),
  costRange: CostRange.nullable().default(null),
  visitable: z.boolean().default(false),
  startYear: year.nullable().default(null),
  endYear: year.nullable().default(null),
  links: z.array(SolutionLink).max(20).default([]),
  tags: z.array(text().trim().toLowerCase().min(1).max(40)).max(20).default([]),
  language: text().regex(/^[a-z]{2}$/).default('en'),
  status: SolutionStatus.default('draft'),
};

const yearsInOrder = (v: { startYear?: number | null; endYear?: number | null }) =>
  v.startYear == null || v.endYear == null || v.endYear >= v.startYear;

export const CreateSolutionBody = z
  .object({ cityId: text().uuid(), ...solutionFields })
  .refine(yearsInOrder, { message: 'The end year comes before the start year.', path: ['endYear'], ...because('SOLUTION_END_BEFORE_START') });
export type CreateSolutionBody = z.infer<typeof CreateSolutionBody>;

export const UpdateSolutionBody = z
  .object({
    version: z.number().int().min(1),
    title: solutionFields.title.optional(),
    summary: solutionFields.summary.optional(),
    bodyHtml: text().max(50_000).optional(),
    sectors: solutionFields.sectors.optional(),
    lever: LeverCode.optional(),
    stage: SolutionStage.optional(),
    impactTco2ePerYear: z.number().min(0).max(100_000_000).nullable().optional(),
    costRange: CostRange.nullable().optional(),
    visitable: z.boolean().optional(),
    startYear: year.nullable().optional(),
    endYear: year.nullable().optional(),
    links: z.array(SolutionLink).max(20).optional(),
    tags: z.array(text().trim().toLowerCase().min(1).max(40)).max(20).optional(),
    language: text().regex(/^[a-z]{2}$/).optional(),
    status: SolutionStatus.optional(),
  })
  .refine(yearsInOrder, { message: 'The end year comes before the start year.', path: ['endYear'], ...because('SOLUTION_END_BEFORE_START') });
export type UpdateSolutionBody = z.infer<typeof UpdateSolutionBody>;

export const SolutionIdParams = z.object({ id: text().uuid() });

export const RelatedSolutions = z.object({
  solutions: z.array(SolutionCard),
  /** Other cities with a published solution like this one. */
  cities: z.array(z.object({ city: SolutionCity, solutionId: text().uuid(), solutionTitle: text() })),
});
export type RelatedSolutions = z.infer<typeof RelatedSolutions>;

export const CitySolutions = z.object({ items: z.array(SolutionCard) });
