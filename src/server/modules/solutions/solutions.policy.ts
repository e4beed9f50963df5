import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { mayActForCity } from '../cities/cities.policy.ts';

/** A published solution is public; a draft is seen only by those who act for its city (to everyone else it does not exist). */
export function maySeeSolution(user: CurrentUser | null, solution: { status: string; cityId: string }): boolean {
  return solution.status === 'published' || mayActForCity(user, solution.cityId);
}

/** Adding, changing and deleting a city's solutions: whoever acts for the city. */
export const mayChangeSolution = (user: CurrentUser | null, solution: { cityId: string }): boolean => mayActForCity(user, solution.cityId);
