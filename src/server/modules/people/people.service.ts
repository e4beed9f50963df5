import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { GrantRoleBody, PeopleQuery, Person, PersonDirectory } from '../../../shared/people.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { primaryContactEmail, roleGrantedEmail } from './people-emails.ts';
import { lastManagerRefusal, primaryContactRefusal, representativeRemovalRefusal, type CitySeats } from './people.policy.ts';
import { presentPerson, rolesForAudit, seatOf } from './people.presenter.ts';
import {
  activeManagerIds,
  cityBySlug,
  cityName,
  findPersonById,
  grantRole,
  isErased,
  listedPerson,
  representativesOf,
  representedCities,
  revokeRole,
  searchPeople,
  setPrimaryContact,
} from './people.repository.ts';

/** A city as the pages about its people name it. */
export interface CityRef {
  id: string;
  slug: string;
  name: string;
}

export async function peopleDirectory(db: Db, query: PeopleQuery): Promise<PersonDirectory> {
  const { page, pageSize, ...filter } = query;
  const [{ items, total }, cities] = await Promise.all([searchPeople(db, filter, page, pageSize), representedCities(db)]);
  return { items: items.map(presentPerson), total, page, pageSize, cities };
}

export async function personOrThrow(db: Db, id: string): Promise<Person> {
  const row = await listedPerson(db, id);
  if (!row) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
  return presentPerson(row);
}

export async function cityBySlugOrThrow(db: Db, slug: string): Promise<CityRef> {
  const city = await cityBySlug(db, slug);
  if (!city) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  return city;
}

/** The name of the city a role names (null: a role without a city); refuses a city that does not exist. */
export async function cityNameForRole(db: Db, cityId: string | null): Promise<string | null> {
  if (cityId === null) return null;
  const name = await cityName(db, cityId);
  // Word for word what API clients have always been told.
  if (name === undefined) throw new AppError('VALIDATION_FAILED', 'The city does not exist.', { errors: [{ field: 'body.cityId', message: 'Choose a city from the list.' }] });
  return name;
}

/** The city's representatives, locked until the transaction ends (two removals at once see each other). */
async function lockedSeats(db: Db, city: { id: string; name: string }): Promise<CitySeats> {
  return { name: city.name, representatives: (await representativesOf(db, city.id, { lock: true })).map(seatOf) };
}

/** Gives a person a role (with its city for a representative); they are told by email. */
export async function grantRoleTo(db: Db, input: { personId: string; body: GrantRoleBody; actor: CurrentUser; publicUrl: string; ip: string }): Promise<Person> {
  const { body, actor } = input;
  return db.transaction().execute(async (trx) => {
    const person = await findPersonById(trx, input.personId);
    if (!person) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
    if (await isErased(trx, person.id)) throw new AppError('CONFLICT', reason('ACCOUNT_ALREADY_ERASED'));
    const city = await cityNameForRole(trx, body.cityId);
    const before = await personOrThrow(trx, person.id);
    const added = await grantRole(trx, { personId: person.id, role: body.role, cityId: body.cityId, primaryContact: body.primaryContact });
    if (!added) throw new AppError('EMAIL_TAKEN', reason('ROLE_ALREADY_HELD'));
    const after = await personOrThrow(trx, person.id);
    if (!person.disabled_at) {
      await enqueueEmail(
        trx,
        roleGrantedEmail({ to: person.email, name: person.name, actorName: actor.name, role: body.role, cityName: city, primaryContact: body.primaryContact, url: `${input.publicUrl}/sign-in` }),
      );
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'person.role_grant',
      entityType: 'person',
      entityId: person.id,
      ip: input.ip,
      details: { role: body.role, cityId: body.cityId, before: { roles: rolesForAudit(before.roles) }, after: { roles: rolesForAudit(after.roles) } },
    });
    return after;
  });
}

/**
 * Withdraws a role, unless it leaves the platform without an active
 * programme manager or a city without a representative or primary contact
 * (people.policy.ts).
 */
export async function withdrawRole(db: Db, input: { personId: string; role: Role; cityId: string | null; actor: CurrentUser; ip: string }): Promise<Person> {
  const cityId = input.role === 'city_representative' ? input.cityId : null;
  return db.transaction().execute(async (trx) => {
    const before = await personOrThrow(trx, input.personId);
    const grant = before.roles.find((g) => g.role === input.role && g.cityId === cityId);
    if (!grant) throw new AppError('NOT_FOUND', reason('ROLE_NOT_HELD', { name: before.name }));
    const member = { id: before.id, name: before.name, active: before.deactivatedAt === null };
    const refusal =
      input.role === 'programme_manager'
        ? lastManagerRefusal(member, await activeManagerIds(trx))
        : cityId !== null
          ? representativeRemovalRefusal(before.id, await lockedSeats(trx, { id: cityId, name: grant.cityName ?? '' }))
          : null;
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (!(await revokeRole(trx, { personId: before.id, role: input.role, cityId }))) throw new AppError('NOT_FOUND', reason('ROLE_NOT_HELD', { name: before.name }));
    const after = await personOrThrow(trx, before.id);
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'person.role_withdraw',
      entityType: 'person',
      entityId: before.id,
      ip: input.ip,
      details: { role: input.role, cityId, before: { roles: rolesForAudit(before.roles) }, after: { roles: rolesForAudit(after.roles) } },
    });
    return after;
  });
}

/** Makes an active representative of the city its primary contact; the one before stays a representative. */
export async function makePrimaryContact(db: Db, input: { city: CityRef; personId: string; actor: CurrentUser; publicUrl: string; ip: string }) {
  const { city, actor } = input;
  await db.transaction().execute(async (trx) => {
    const seats = await lockedSeats(trx, city);
    const person = await findPersonById(trx, input.personId);
    if (!person) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
    const refusal = primaryContactRefusal(person, seats);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const previous = seats.representatives.find((r) => r.primaryContact);
    if (previous?.id === person.id) return;
    await setPrimaryContact(trx, city.id, person.id);
    await enqueueEmail(
      trx,
      primaryContactEmail({ to: person.email, name: person.name, actorName: actor.name, cityName: city.name, url: `${input.publicUrl}/cities/${city.slug}/representatives` }),
    );
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'city.primary_contact',
      entityType: 'city',
      entityId: city.id,
      ip: input.ip,
      details: { before: { primaryContact: previous?.name ?? null }, after: { primaryContact: person.name } },
    });
  });
}
