import { z } from 'zod';

/** The roles a person may hold; one person may hold several. */
export const ROLES = ['programme_manager', 'facilitator', 'evaluator', 'expert', 'city_representative'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A role held by a person; a city representative's role names the city. */
export const RoleGrant = z.object({
  role: Role,
  cityId: z.string().uuid().nullable(),
  cityName: z.string().nullable(),
  primaryContact: z.boolean(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;
