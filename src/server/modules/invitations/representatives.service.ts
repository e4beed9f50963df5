import type { CurrentUser, Invitation } from '../../../shared/account.schemas.ts';
import type { CityRepresentatives, InviteRepresentativeBody } from '../../../shared/people.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { mayManageRepresentatives, maySeeRepresentatives } from '../people/people.policy.ts';
import { presentRepresentative } from '../people/people.presenter.ts';
import { currentUserOf, findPersonById, representativesOf } from '../people/people.repository.ts';
import { cityBySlugOrThrow, makePrimaryContact, withdrawRole, type CityRef } from '../people/people.service.ts';
import { pendingInvitationsForCity } from './invitations.repository.ts';
import { createInvitation, toInvitation } from './invitations.service.ts';

// A city's representatives, managed by its primary contact (and programme
// managers): here, above people and invitations, because inviting a
// colleague is an invitation (the module order: people < invitations).

/** The actor with their roles after their own change (a primary contact who handed over, or left, manages no more). */
async function asNow(db: Db, actor: CurrentUser): Promise<CurrentUser> {
  const person = await findPersonById(db, actor.id);
  return person ? currentUserOf(db, person) : actor;
}

/** The city, once its primary contact or a programme manager asks. */
async function cityToManage(db: Db, slug: string, user: CurrentUser): Promise<CityRef> {
  const city = await cityBySlugOrThrow(db, slug);
  if (!mayManageRepresentatives(user, city.id)) throw new AppError('FORBIDDEN', reason('NOT_PRIMARY_CONTACT', { city: city.name }));
  return city;
}

export async function cityRepresentatives(db: Db, slug: string, user: CurrentUser): Promise<CityRepresentatives> {
  const city = await cityBySlugOrThrow(db, slug);
  if (!maySeeRepresentatives(user, city.id)) throw new AppError('FORBIDDEN', reason('REPRESENTATIVES_NOT_YOURS', { city: city.name }));
  const [representatives, invitations] = await Promise.all([representativesOf(db, city.id), pendingInvitationsForCity(db, city.id)]);
  return {
    city,
    representatives: representatives.map(presentRepresentative),
    invitations: invitations.map(toInvitation),
    canManage: mayManageRepresentatives(user, city.id),
  };
}

/** Invites a colleague to represent the city, as a programme manager's invitation would. */
export async function inviteRepresentative(
  db: Db,
  input: { slug: string; body: InviteRepresentativeBody; actor: CurrentUser; publicUrl: string; ip: string },
): Promise<Invitation> {
  const city = await cityToManage(db, input.slug, input.actor);
  return createInvitation(db, {
    body: { ...input.body, role: 'city_representative', cityId: city.id, primaryContact: false, otherRoles: [] },
    actor: input.actor,
    publicUrl: input.publicUrl,
    ip: input.ip,
  });
}

/** Removes a representative from the city (never its last one, nor its primary contact before a hand-over). */
export async function removeRepresentative(db: Db, input: { slug: string; personId: string; actor: CurrentUser; ip: string }) {
  const city = await cityToManage(db, input.slug, input.actor);
  await withdrawRole(db, { personId: input.personId, role: 'city_representative', cityId: city.id, actor: input.actor, ip: input.ip });
  return cityRepresentatives(db, input.slug, await asNow(db, input.actor));
}

/** Hands the city's primary contact over to another of its representatives. */
export async function handOverPrimaryContact(db: Db, input: { slug: string; personId: string; actor: CurrentUser; publicUrl: string; ip: string }) {
  const city = await cityToManage(db, input.slug, input.actor);
  await makePrimaryContact(db, { city, personId: input.personId, actor: input.actor, publicUrl: input.publicUrl, ip: input.ip });
  return cityRepresentatives(db, input.slug, await asNow(db, input.actor));
}
