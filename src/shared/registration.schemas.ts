import { z } from 'zod';
import { Email, Password } from './account.schemas.ts';
import { because } from './issue-reason.ts';
import { text } from './text.ts';

/** A line of text a person types: no line breaks or other control characters (they would reach emails and logs). */
const PlainLine = (max: number) =>
  text()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'Use letters, digits and punctuation only.', ...because('REGISTRATION_TEXT_INVALID') });

export const CitySource = z.enum(['registry', 'geonames', 'unlisted']);
export type CitySource = z.infer<typeof CitySource>;

/**
 * POST /api/registrations: a person signs up with the city they represent.
 * The city is one of the registry's, a GeoNames place, or described when not
 * listed. `website` is a honeypot: people never see it; a filled one is
 * answered as success and nothing is stored.
 */
export const SignUpBody = z
  .object({
    name: PlainLine(120).pipe(text().min(1, 'Enter your name.')),
    email: Email,
    password: Password,
    citySource: CitySource,
    cityId: z.uuid().nullable().default(null),
    geonamesId: z.number().int().positive().nullable().default(null),
    cityName: PlainLine(120).default(''),
    country: text().trim().toUpperCase().max(2).default(''),
    cityDescription: text().trim().max(1000).default(''),
    roleTitle: PlainLine(120).pipe(text().min(1, 'Say what you do in the city administration.')),
    climateTargetYear: z.number().int().min(2025).max(2100).nullable().default(null),
    hasClimatePlan: z.boolean().default(false),
    covenantSignatory: z.boolean().default(false),
    privacyNoticeRead: z.boolean().refine((v) => v, { message: 'Confirm that you have read the privacy notice.', ...because('REGISTRATION_PRIVACY_REQUIRED') }),
    /** The version of the privacy notice the person read (the consent record is another feature's). */
    privacyNoticeVersion: text().trim().min(1).max(40),
    website: text().max(2000).default(''),
  })
  .refine((b) => b.citySource !== 'registry' || b.cityId !== null, { message: 'Choose a city from the list.', path: ['cityId'], ...because('REGISTRATION_CITY_UNKNOWN') })
  .refine((b) => b.citySource !== 'geonames' || b.geonamesId !== null, { message: 'Choose a place from the list.', path: ['geonamesId'], ...because('REGISTRATION_PLACE_UNKNOWN') })
  .refine((b) => b.citySource !== 'unlisted' || b.cityName.length > 0, { message: 'Enter the name of your city.', path: ['cityName'], ...because('REGISTRATION_NO_CITY') })
  .refine((b) => b.citySource !== 'unlisted' || b.country.length === 2, {
    message: 'Choose a country of the EU or associated to Horizon Europe.',
    path: ['country'],
    ...because('REGISTRATION_COUNTRY_UNKNOWN'),
  });
export type SignUpBody = z.infer<typeof SignUpBody>;
export type SignUpInput = z.input<typeof SignUpBody>;

/** The same answer for every sign-up that passes validation (enumeration resistance, decision 0020). */
export const SignUpAccepted = z.object({ status: z.literal('check-email') });

export const VerifyBody = z.object({ token: text().min(20).max(100) });
export const Verified = z.object({ status: z.literal('verified') });

export const RegistrationStatus = z.enum(['unverified', 'pending', 'approved', 'declined']);

/** GET /api/registration: the signed-in person's own registration. */
export const MyRegistration = z.object({
  id: z.uuid(),
  status: RegistrationStatus,
  cityName: text(),
  country: text(),
  /** Waiting for the city's primary contact (the city already has representatives). */
  awaitingPrimaryContact: z.boolean(),
  declineReason: text().nullable(),
  createdAt: text(),
  decidedAt: text().nullable(),
  citySlug: text().nullable(),
});
export type MyRegistration = z.infer<typeof MyRegistration>;

export const SimilarCity = z.object({
  id: z.uuid(),
  slug: text(),
  name: text(),
  country: text(),
  /** Kilometres from the claimed place, when both have coordinates. */
  distanceKm: z.number().nullable(),
});

/** A registration waiting for a decision (the approval queue). */
export const PendingRegistration = z.object({
  id: z.uuid(),
  version: z.number().int(),
  name: text(),
  email: text(),
  roleTitle: text(),
  citySource: CitySource,
  cityId: z.uuid().nullable(),
  cityName: text(),
  country: text(),
  description: text().nullable(),
  geonames: z.object({ id: z.number().int(), latitude: z.number(), longitude: z.number(), population: z.number().int() }).nullable(),
  climateTargetYear: z.number().int().nullable(),
  hasClimatePlan: z.boolean(),
  covenantSignatory: z.boolean(),
  /** The city is not in the registry yet. */
  newCity: z.boolean(),
  /** The city has representatives: its primary contact may confirm. */
  secondClaim: z.boolean(),
  similar: z.array(SimilarCity),
  createdAt: text(),
});
export type PendingRegistration = z.infer<typeof PendingRegistration>;
export const RegistrationQueue = z.object({ items: z.array(PendingRegistration) });
export type RegistrationQueue = z.infer<typeof RegistrationQueue>;

export const ApproveBody = z.object({
  version: z.number().int(),
  /** For a city typed by the person: its GeoNames place, which gives coordinates and population. */
  geonamesId: z.number().int().positive().nullable().default(null),
  /**
   * For a city in neither the registry nor GeoNames (a town under 5,000
   * people): where it is, given by the manager; its name and country are the
   * ones the person gave.
   */
  location: z
    .object({
      latitude: z.number({ error: 'Give a latitude from -90 to 90.' }).min(-90, 'Give a latitude from -90 to 90.').max(90, 'Give a latitude from -90 to 90.'),
      longitude: z.number({ error: 'Give a longitude from -180 to 180.' }).min(-180, 'Give a longitude from -180 to 180.').max(180, 'Give a longitude from -180 to 180.'),
      population: z.number({ error: 'Give a number of inhabitants above 0, or leave it empty.' }).int('Give a whole number of inhabitants.').positive('Give a number of inhabitants above 0, or leave it empty.').nullable(),
    })
    .nullable()
    .default(null),
});
export const MergeBody = z.object({ version: z.number().int(), cityId: z.uuid() });
export const DeclineBody = z.object({ version: z.number().int(), reason: text().trim().min(1, 'Say why.').max(1000) });

export const Decision = z.object({ status: RegistrationStatus, cityId: z.uuid().nullable(), citySlug: text().nullable() });

export const RegistrationSettings = z.object({ open: z.boolean(), contactEmail: z.email(), privacyNoticeVersion: text() });
export type RegistrationSettings = z.infer<typeof RegistrationSettings>;
export const RegistrationSettingsBody = z.object({ open: z.boolean() });

