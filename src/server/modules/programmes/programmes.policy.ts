import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';

/**
 * Who sees a programme: everybody once it is published; while it is a draft
 * only programme managers (for everyone else it does not exist: 404, and it
 * is not listed).
 */
export function maySeeProgramme(user: CurrentUser | null, programme: { published_at: Date | null }): boolean {
  return programme.published_at !== null || hasRole(user, 'programme_manager');
}

/** Whether the reader sees drafts in the list of programmes. */
export const seesDrafts = (user: CurrentUser | null): boolean => hasRole(user, 'programme_manager');
