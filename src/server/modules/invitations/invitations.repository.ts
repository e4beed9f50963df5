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
    otherRoles: readonly string[];
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
      other_roles: [...invitation.otherRoles],
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
      'i.other_roles',
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

/** With `lock`, the row stays locked until the transaction ends (revoked and sent again at once: one wins). */
export function findInvitationById(db: Q, id: string, options: { lock?: boolean } = {}) {
  return selectInvitations(db)
    .where('i.id', '=', id)
    .$if(options.lock === true, (q) => q.forUpdate('i'))
    .executeTakeFirst();
}

/** Locks the row so that two clicks on one link cannot both accept it. */
export function findInvitationByTokenForUpdate(db: Q, tokenHash: string) {
  return selectInvitations(db).where('i.token_hash', '=', tokenHash).forUpdate('i').executeTakeFirst();
}

export function findInvitationByToken(db: Q, tokenHash: string) {
  return selectInvitations(db).where('i.token_hash', '=', tokenHash).executeTakeFirst();
}

const pending = sql<boolean>`${statusSql} = 'pending'`;

/** Whether a pending invitation to this address already grants one of these roles. */
export async function hasPendingInvitation(db: Q, email: string, roles: readonly { role: string; cityId: string | null }[]) {
  const found = await db
    .selectFrom('invitations as i')
    .select('i.id')
    .where('i.email', '=', email)
    .where(pending)
    .where((eb) =>
      eb.or(
        roles.map(({ role, cityId }) =>
          cityId === null
            ? eb.or([eb.and([eb('i.role', '=', role), eb('i.city_id', 'is', null)]), sql<boolean>`${role} = ANY (i.other_roles)`])
            : eb.and([eb('i.role', '=', role), eb('i.city_id', '=', cityId)]),
        ),
      ),
    )
    .executeTakeFirst();
  return found !== undefined;
}

/** Invitations, newest first, optionally only those sent to one address. */
export async function listInvitations(db: Q, filter: { email?: string | undefined }, page: number, pageSize: number) {
  const { email } = filter;
  const [items, total] = await Promise.all([
    selectInvitations(db)
      .$if(email !== undefined, (q) => q.where('i.email', '=', email ?? ''))
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('invitations')
      .$if(email !== undefined, (q) => q.where('email', '=', email ?? ''))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** The pending invitations to represent a city, newest first. */
export function pendingInvitationsForCity(db: Q, cityId: string) {
  return selectInvitations(db).where('i.city_id', '=', cityId).where(pending).orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').execute();
}

export async function markAccepted(db: Q, id: string, personId: string) {
  await db.updateTable('invitations').set({ accepted_at: new Date(), accepted_person_id: personId }).where('id', '=', id).execute();
}

export async function markRevoked(db: Q, id: string) {
  await db.updateTable('invitations').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}

/** A new link (the old one stops working) with a new expiry, for an invitation sent again. */
export async function renewInvitation(db: Q, id: string, renewal: { tokenHash: string; expiresAt: Date }) {
  await db.updateTable('invitations').set({ token_hash: renewal.tokenHash, expires_at: renewal.expiresAt }).where('id', '=', id).execute();
}
