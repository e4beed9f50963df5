import { z } from 'zod';
import { Reason } from './reason.ts';
import { pageOf } from './pagination.ts';
import { text } from './text.ts';

export const CityKind = z.enum(['mission', 'aspiring']);
export type CityKind = z.infer<typeof CityKind>;

/** The six sector codes (src/domain/reference/sectors.ts holds labels and descriptions). */
export const SectorCode = z.enum(['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions']);
export type SectorCode = z.infer<typeof SectorCode>;

export const LanguageCode = text()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'Use two-letter ISO 639-1 language codes.');

/** Public facts of a city (never its contact persons). */
export const CitySummary = z.object({
  id: text().uuid(),
  slug: text(),
  name: text(),
  country: text().length(2),
  kind: CityKind,
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int().nullable(),
  missionLabelDate: text().nullable(),
});
export type CitySummary = z.infer<typeof CitySummary>;
export const CityPage = pageOf(CitySummary);
export type CityPage = z.infer<typeof CityPage>;

/** A comma-separated list in a query string (`?sector=energy,buildings`) or repeated parameters. */
export const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const values = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
    return values.length ? values : undefined;
  }, z.array(item).max(50).optional());

export const CityListQuery = z.object({
  q: text().trim().max(100).optional(),
  kind: CityKind.optional(),
  country: text().length(2).toUpperCase().optional(),
  /** Cities interested in this sector or with a published solution in it. */
  sector: SectorCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** What a person typed while looking for their city in GeoNames (registration). */
export const PlaceQuery = z.object({
  q: text().trim().min(2).max(100),
  country: text().length(2).toUpperCase().optional(),
});

/** A GeoNames city a person may pick; `registeredCity` when the registry holds it already. */
export const PlaceCandidate = z.object({
  geonamesId: z.number().int(),
  name: text(),
  country: text(),
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int(),
  registeredCity: z.object({ slug: text(), name: text() }).nullable(),
});
export type PlaceCandidate = z.infer<typeof PlaceCandidate>;
export const PlaceCandidates = z.object({ items: z.array(PlaceCandidate) });

export const CitySlugParams = z.object({ slug: text().min(1).max(120) });

/** The public profile of a city. */
export const CityProfile = CitySummary.extend({
  region: text().nullable(),
  languages: z.array(text()),
  climateTargetYear: z.number().int().nullable(),
  sectorsOfInterest: z.array(SectorCode),
  profile: text(),
  geonamesId: z.number().int().nullable(),
  solutionCount: z.number().int(),
  solutionSectors: z.array(SectorCode),
  version: z.number().int(),
  updatedAt: text(),
  /** Whether the person asking may edit this city (its representative or a programme manager). */
  canEdit: z.boolean(),
});
export type CityProfile = z.infer<typeof CityProfile>;

export const UpdateCityBody = z.object({
  /** The version the edit started from; a newer version answers 409 EDIT_CONFLICT. */
  version: z.number().int().min(1),
  name: text().trim().min(1, 'Enter the city’s name.').max(200).optional(),
  region: text().trim().max(120).nullable().optional(),
  population: z.number().int().min(0).max(100_000_000).nullable().optional(),
  languages: z.array(LanguageCode).max(12).optional(),
  climateTargetYear: z.number().int().min(2025, 'Use a year from 2025 on.').max(2100, 'Use a year up to 2100.').nullable().optional(),
  sectorsOfInterest: z.array(SectorCode).max(6).optional(),
  profile: text().max(10_000, 'Keep the profile under 10,000 characters.').optional(),
});
export type UpdateCityBody = z.infer<typeof UpdateCityBody>;

export const CityContact = z.object({
  name: text().trim().min(1, 'Enter the contact’s name.').max(120),
  email: text()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email('Enter a valid email address.'))
    .nullable(),
  phone: text().trim().min(3).max(40).nullable(),
  roleTitle: text().trim().max(120).nullable(),
});
export type CityContact = z.infer<typeof CityContact>;
export const CityContacts = z.object({ items: z.array(CityContact) });
/**
 * GET /api/cities/:slug/public-contacts: the city's representatives who chose
 * to be listed publicly (an opt-in on their account page, off by default).
 */
export const CityPublicContacts = z.object({
  items: z.array(z.object({ name: text(), email: text(), primaryContact: z.boolean() })),
});
export type CityPublicContacts = z.infer<typeof CityPublicContacts>;
export const ReplaceContactsBody = z.object({ items: z.array(CityContact).max(20) });
export type ReplaceContactsBody = z.infer<typeof ReplaceContactsBody>;

export const CityChange = z.object({
  id: z.number().int(),
  at: text(),
  actorName: text().nullable(),
  source: z.enum(['edit', 'import', 'contacts']),
  changes: z.array(z.object({ field: text(), before: z.unknown(), after: z.unknown() })),
});
export type CityChange = z.infer<typeof CityChange>;
export const CityHistory = pageOf(CityChange);

/** One point of the map. */
export const MapCity = z.object({
  slug: text(),
  name: text(),
  country: text(),
  kind: CityKind,
  latitude: z.number(),
  longitude: z.number(),
  solutionCount: z.number().int(),
});
export type MapCity = z.infer<typeof MapCity>;
export const MapQuery = z.object({ sector: SectorCode.optional(), kind: CityKind.optional() });
export const MapData = z.object({ items: z.array(MapCity), total: z.number().int() });
export type MapData = z.infer<typeof MapData>;

export const SimilarCity = z.object({
  city: CitySummary,
  score: z.number(),
  reasons: z.array(Reason),
});
export type SimilarCity = z.infer<typeof SimilarCity>;
export const MatchingMissionCity = z.object({
  city: CitySummary,
  matchingSolutions: z.number().int(),
  sectors: z.array(SectorCode),
  reason: Reason,
});
export const SimilarCities = z.object({ similar: z.array(SimilarCity), missionCities: z.array(MatchingMissionCity) });
export type SimilarCities = z.infer<typeof SimilarCities>;

export const ImportCitiesBody = z.object({ csv: text().min(1, 'The file is empty.').max(5_000_000) });
export const ImportCitiesQuery = z.object({ dryRun: z.stringbool().default(false) });
export const ImportCitiesResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});
export type ImportCitiesResult = z.infer<typeof ImportCitiesResult>;
