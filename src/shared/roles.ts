import { z } from 'zod';
import { text } from './text.ts';

/** The roles a person may hold; one person may hold several. */
export const ROLES = ['programme_manager', 'facilitator', 'evaluator', 'expert', 'city_representative'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A role held by a person; a city representative's role names the city. */
export const RoleGrant = z.object({
  role: Role,
  cityId: text().uuid().nullable(),
  cityName: text().nullable(),
  primaryContact: z.boolean(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;
