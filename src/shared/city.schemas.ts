import { z } from 'zod';
import { pageOf } from './pagination.ts';

export const CityKind = z.enum(['mission', 'aspiring']);
export type CityKind = z.infer<typeof CityKind>;

/** Public facts of a city (never its contact persons). */
export const CitySummary = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  country: z.string().length(2),
  kind: CityKind,
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int().nullable(),
  missionLabelDate: z.string().nullable(),
});
export type CitySummary = z.infer<typeof CitySummary>;
export const CityPage = pageOf(CitySummary);
export type CityPage = z.infer<typeof CityPage>;

export const CityListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: CityKind.optional(),
  country: z.string().length(2).toUpperCase().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
