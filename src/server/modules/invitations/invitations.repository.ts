import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export async function insertInvitation(
  db: Q,
  invitation: {
    email: string;
    name: string;
    role: string;
    cityId: string | null;
    primaryContact: boolean;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('invitations')
    .values({
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      city_id: invitation.cityId,
      primary_contact: invitation.primaryContact,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The name of the city an invitation is for; undefined when there is no such city. */
export async function invitedCityName(db: Q, cityId: string): Promise<string | undefined> {
  return (await db.selectFrom('cities').select('name').where('id', '=', cityId).executeTakeFirst())?.name;
}

const statusSql = sql<'pending' | 'accepted' | 'expired' | 'revoked'>`CASE
  WHEN i.accepted_at IS NOT NULL THEN 'accepted'
  WHEN i.revoked_at IS NOT NULL THEN 'revoked'
  WHEN i.expires_at <= now() THEN 'expired'
  ELSE 'pending' END`;

function selectInvitations(db: Q) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('people as p', 'p.id', 'i.invited_by')
    .leftJoin('cities as c', 'c.id', 'i.city_id')
    .select([
      'i.id',
      'i.email',
      'i.name',
      'i.role',
      'i.city_id',
      'i.primary_contact',
      'c.name as city_name',
      'p.name as invited_by_name',
      'i.created_at',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      statusSql.as('status'),
    ]);
}

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationById>>>;

export function findInvitationById(db: Q, id: string) {
  return selectInvitations(db).where('i.id', '=', id).executeTakeFirst();
}

/** Locks the row so that two clicks on one link cannot both accept it. */
export function findInvitationByTokenForUpdate(db: Q, tokenHash: string) {
  return selectInvitations(db).where('i.token_hash', '=', tokenHash).forUpdate('i').executeTakeFirst();
}

export function findInvitationByToken(db: Q, tokenHash: string) {
  return selectInvitations(db).where('i.token_hash', '=', tokenHash).executeTakeFirst();
}

export async function hasPendingInvitation(db: Q, email: string, role: string, cityId: string | null) {
  let query = db
    .selectFrom('invitations')
    .select('id')
    .where('email', '=', email)
    .where('role', '=', role)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date());
  query = cityId === null ? query.where('city_id', 'is', null) : query.where('city_id', '=', cityId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listInvitations(db: Q, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    selectInvitations(db)
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function markAccepted(db: Q, id: string, personId: string) {
  await db.updateTable('invitations').set({ accepted_at: new Date(), accepted_person_id: personId }).where('id', '=', id).execute();
}

export async function markRevoked(db: Q, id: string) {
  await db.updateTable('invitations').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}
