import { z } from 'zod';
import { CITY_FOR_ROLE, cityMatchesRole, Email, Invitation } from './account.schemas.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { Role, RoleGrant } from './roles.ts';
import { text } from './text.ts';

/** A deactivated person keeps their records but cannot sign in. */
export const PersonStatus = z.enum(['active', 'deactivated']);
export type PersonStatus = z.infer<typeof PersonStatus>;

/** GET /api/people: the directory, by name, filtered. */
export const PeopleQuery = PageQuery.extend({
  /** Part of the name or email address. */
  q: text().trim().max(100).optional(),
  role: Role.optional(),
  /** People who hold a role for this city. */
  cityId: z.uuid().optional(),
  /** People who represent a city of this country (ISO code). */
  country: text().regex(/^[A-Z]{2}$/).optional(),
  status: PersonStatus.optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const Person = z.object({
  id: z.uuid(),
  name: text(),
  email: text(),
  /** Per city for representatives; `primaryContact` marks the city's primary contact. */
  roles: z.array(RoleGrant),
  createdAt: text(),
  lastSignInAt: text().nullable(),
  deactivatedAt: text().nullable(),
  /** When the account was erased (it reads "Former participant"; no sign-in, no roles), or null. */
  erasedAt: text().nullable(),
});
export type Person = z.infer<typeof Person>;

export const PersonDirectory = pageOf(Person).extend({
  /** The cities somebody represents, by name: what the city and country filters offer. */
  cities: z.array(z.object({ id: z.uuid(), name: text(), country: text() })),
});
export type PersonDirectory = z.infer<typeof PersonDirectory>;

export const PersonParams = z.object({ id: z.uuid() });

/** POST /api/people/:id/roles: a role, with its city for a representative. */
export const GrantRoleBody = z
  .object({
    role: Role,
    cityId: z.uuid().nullable().default(null),
    /** The person becomes the city's primary contact (the previous one stays a representative). */
    primaryContact: z.boolean().default(false),
  })
  .refine(cityMatchesRole, CITY_FOR_ROLE);
export type GrantRoleBody = z.infer<typeof GrantRoleBody>;

/** DELETE /api/people/:id/roles/:role?cityId=…: the city names which representative role. */
export const RoleParams = z.object({ id: z.uuid(), role: Role });
export const RoleCityQuery = z.object({ cityId: z.uuid().optional() });

export const Representative = z.object({
  personId: z.uuid(),
  name: text(),
  email: text(),
  primaryContact: z.boolean(),
  deactivated: z.boolean(),
  lastSignInAt: text().nullable(),
});
export type Representative = z.infer<typeof Representative>;

/** GET /api/cities/:slug/representatives: who acts for the city, and who is invited to. */
export const CityRepresentatives = z.object({
  city: z.object({ id: z.uuid(), slug: text(), name: text() }),
  representatives: z.array(Representative),
  /** Pending invitations to represent the city. */
  invitations: z.array(Invitation),
  /** Whether the person asking may invite, remove and hand over (the primary contact, programme managers). */
  canManage: z.boolean(),
});
export type CityRepresentatives = z.infer<typeof CityRepresentatives>;

/** A colleague invited by the city's primary contact, as a representative of that city. */
export const InviteRepresentativeBody = z.object({
  email: Email,
  name: text().trim().min(1, 'Enter the person’s name.').max(120),
});
export type InviteRepresentativeBody = z.infer<typeof InviteRepresentativeBody>;

export const RepresentativeParams = z.object({ slug: text().min(1).max(100), personId: z.uuid() });
export const PrimaryContactBody = z.object({ personId: z.uuid() });
export type PrimaryContactBody = z.infer<typeof PrimaryContactBody>;
