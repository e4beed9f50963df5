import type { Role } from '../../shared/roles.ts';

/**
 * How far a role reaches, for deciding whose mail a reader may see
 * (the development mailbox, decision 0025): programme managers above the
 * facilitators, evaluators and experts, above the city representatives.
 * Somebody with no role (a stranger, a new registration) ranks 0.
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  programme_manager: 3,
  facilitator: 2,
  evaluator: 2,
  expert: 2,
  city_representative: 1,
};

/** A person's rank: that of their highest role, 0 without any. */
export function rankOf(roles: readonly Role[]): number {
  return roles.reduce((max, role) => Math.max(max, ROLE_RANK[role]), 0);
}

/** A reader may see what is addressed to people of a lower rank only — never their peers', their superiors' or their own. */
export function mayReadMailOf(readerRank: number, recipientRank: number): boolean {
  return recipientRank < readerRank;
}
