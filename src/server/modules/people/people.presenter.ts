import { z } from 'zod';
import type { Person, Representative } from '../../../shared/people.schemas.ts';
import { RoleGrant } from '../../../shared/roles.ts';
import type { Seat } from './people.policy.ts';
import type { ListedPersonRow, representativesOf } from './people.repository.ts';

type RepresentativeRow = Awaited<ReturnType<typeof representativesOf>>[number];

const isoOrNull = (date: Date | null) => (date === null ? null : new Date(date).toISOString());

export function presentPerson(row: ListedPersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: z.array(RoleGrant).parse(row.roles),
    createdAt: new Date(row.created_at).toISOString(),
    lastSignInAt: isoOrNull(row.last_sign_in_at),
    deactivatedAt: isoOrNull(row.disabled_at),
    erasedAt: isoOrNull(row.erased_at),
  };
}

export function presentRepresentative(row: RepresentativeRow): Representative {
  return {
    personId: row.id,
    name: row.name,
    email: row.email,
    primaryContact: row.primary_contact,
    deactivated: row.disabled_at !== null,
    lastSignInAt: isoOrNull(row.last_sign_in_at),
  };
}

/** A representative as the rules of people.policy.ts see them. */
export const seatOf = (row: RepresentativeRow): Seat => ({ id: row.id, name: row.name, active: row.disabled_at === null, primaryContact: row.primary_contact });

/** A person's roles as the audit log shows them before and after a change: "evaluator", "city_representative: Valencia (primary contact)". */
export const rolesForAudit = (roles: readonly RoleGrant[]): string[] =>
  roles.map((g) => (g.cityName === null ? g.role : `${g.role}: ${g.cityName}${g.primaryContact ? ' (primary contact)' : ''}`));
