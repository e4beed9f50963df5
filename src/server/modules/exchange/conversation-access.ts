import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

type Q = Kysely<Database>;

/** The party of a conversation a person acts for: one of their cities, the programme team, or themselves as expert. */
export interface ActingParty {
  partyId: string;
  kind: 'city' | 'programme_team' | 'expert';
  /** The city, for a city party. */
  cityId: string | null;
}

/** The cities a person represents. */
export const citiesOf = (user: CurrentUser) => user.roles.flatMap((g) => (g.role === 'city_representative' && g.cityId ? [g.cityId] : []));

type PartyFields = { id: string; kind: ActingParty['kind']; city_id: string | null; person_id: string | null };

/**
 * Of a conversation's parties, those the person may act for, best first:
 * their cities (in the order of their roles), then the programme team
 * (managers), then the expert party that names them. Empty when the
 * conversation is not theirs.
 */
export function partiesActableBy(parties: readonly PartyFields[], user: CurrentUser): ActingParty[] {
  const cities = citiesOf(user);
  const isManager = hasRole(user, 'programme_manager');
  const rank = (p: PartyFields) => (p.kind === 'city' ? cities.indexOf(p.city_id ?? '') : p.kind === 'programme_team' ? (isManager ? cities.length : -1) : p.person_id === user.id ? cities.length + 1 : -1);
  return parties
    .filter((p) => rank(p) >= 0)
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => ({ partyId: p.id, kind: p.kind, cityId: p.city_id }));
}

/**
 * The party the person acts for among a conversation's parties; 404 when it
 * is not theirs, so that a guessed id says nothing about what exists.
 * `asCityId` picks one of their cities when they represent several taking part.
 */
export function actingPartyAmong(parties: readonly PartyFields[], user: CurrentUser, asCityId?: string | null): ActingParty {
  const mine = partiesActableBy(parties, user);
  const party = asCityId ? mine.find((p) => p.cityId === asCityId) : mine[0];
  if (!party) throw new AppError('NOT_FOUND', reason('CONVERSATION_NOT_FOUND'));
  return party;
}

/** The parties of a conversation the person may act for, best first (see partiesActableBy). */
export async function partiesFor(db: Q, conversationId: string, user: CurrentUser): Promise<ActingParty[]> {
  const parties = await db.selectFrom('conversation_parties').select(['id', 'kind', 'city_id', 'person_id']).where('conversation_id', '=', conversationId).execute();
  return partiesActableBy(parties, user);
}

/** The party the person acts for in the conversation (see actingPartyAmong). */
export async function actingParty(db: Q, conversationId: string, user: CurrentUser, asCityId?: string | null): Promise<ActingParty> {
  const parties = await db.selectFrom('conversation_parties').select(['id', 'kind', 'city_id', 'person_id']).where('conversation_id', '=', conversationId).execute();
  return actingPartyAmong(parties, user, asCityId);
}
