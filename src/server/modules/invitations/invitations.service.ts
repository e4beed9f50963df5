import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  CurrentUser,
  Invitation,
  InvitationPreview,
} from '../../../shared/account.schemas.ts';
import { Role } from '../../../shared/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { invitationEmail } from '../email/email-templates.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { currentUserOf, findPersonByEmail, findPersonById, grantRole, holdsRole, insertPerson, updatePerson } from '../people/people.repository.ts';
import { deleteSession } from '../session/session.repository.ts';
import { startSession, type ClientInfo } from '../session/session.service.ts';
import {
  findInvitationById,
  findInvitationByToken,
  findInvitationByTokenForUpdate,
  hasPendingInvitation,
  insertInvitation,
  invitedCityName,
  listInvitations,
  markAccepted,
  markRevoked,
  type InvitationRow,
} from './invitations.repository.ts';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: Role.parse(row.role),
  cityId: row.city_id,
  cityName: row.city_name,
  status: row.status,
  invitedBy: row.invited_by_name,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
});

const invalidLink = () =>
  new AppError('TOKEN_INVALID', 'This invitation link has expired, was revoked or was already used. Ask the programme team for a new one.');

export async function createInvitation(
  db: Db,
  input: { body: CreateInvitationBody; actor: CurrentUser; publicUrl: string; ip: string },
): Promise<Invitation> {
  const { body, actor } = input;
  const cityName = body.cityId ? await invitedCityName(db, body.cityId) : null;
  if (cityName === undefined) {
    throw new AppError('VALIDATION_FAILED', 'The city does not exist.', { errors: [{ field: 'body.cityId', message: 'Choose a city from the list.' }] });
  }
  const existing = await findPersonByEmail(db, body.email);
  if (existing && (await holdsRole(db, existing.id, body.role, body.cityId))) {
    throw new AppError('EMAIL_TAKEN', `${body.email} already has this role.`);
  }
  if (await hasPendingInvitation(db, body.email, body.role, body.cityId)) {
    throw new AppError('INVITATION_PENDING', `${body.email} already has a pending invitation for this role. Revoke it first to send a new one.`);
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const id = await db.transaction().execute(async (trx) => {
    const invitationId = await insertInvitation(trx, {
      email: body.email,
      name: body.name,
      role: body.role,
      cityId: body.cityId,
      primaryContact: body.primaryContact,
      tokenHash: hashToken(token),
      invitedBy: actor.id,
      expiresAt,
    });
    await enqueueEmail(
      trx,
      invitationEmail({
        to: body.email,
        name: body.name,
        inviterName: actor.name,
        role: body.role,
        cityName,
        url: `${input.publicUrl}/invitations/${token}`,
        expiresAt,
      }),
    );
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitationId,
      ip: input.ip,
      details: { email: body.email, role: body.role, cityId: body.cityId },
    });
    return invitationId;
  });
  const row = await findInvitationById(db, id);
  if (!row) throw new Error('invitation vanished after insert');
  return toInvitation(row);
}

export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const row = await findInvitationByToken(db, hashToken(token));
  if (!row || row.status !== 'pending') throw invalidLink();
  const person = await findPersonByEmail(db, row.email);
  return {
    email: row.email,
    name: row.name,
    role: Role.parse(row.role),
    cityName: row.city_name,
    existingAccount: Boolean(person?.password_hash),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/**
 * Accepts an invitation: a new person chooses a password; a person who
 * already has an account proves it with their current password.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; body: AcceptInvitationBody; passwordHashCost: number; previousSessionToken: string | null },
  client: ClientInfo,
): Promise<{ sessionToken: string; user: CurrentUser }> {
  const preview = await findInvitationByToken(db, hashToken(input.token));
  if (!preview || preview.status !== 'pending') throw invalidLink();
  const existing = await findPersonByEmail(db, preview.email);
  if (existing?.password_hash && !(await verifyPassword(input.body.password, existing.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', 'You already have an account: enter its current password to accept.');
  }
  const passwordHash = existing?.password_hash ? null : await hashPassword(input.body.password, input.passwordHashCost);

  const personId = await db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByTokenForUpdate(trx, hashToken(input.token));
    if (!invitation || invitation.status !== 'pending') throw invalidLink();
    const person = await findPersonByEmail(trx, invitation.email);
    let id: string;
    if (person) {
      id = person.id;
      if (!person.password_hash && passwordHash) {
        await updatePerson(trx, id, { passwordHash, name: input.body.name });
      }
    } else {
      id = await insertPerson(trx, { email: invitation.email, name: input.body.name, passwordHash });
    }
    await grantRole(trx, {
      personId: id,
      role: Role.parse(invitation.role),
      cityId: invitation.city_id,
      primaryContact: invitation.primary_contact,
    });
    await markAccepted(trx, invitation.id, id);
    await recordAudit(trx, { actorId: id, action: 'invitation.accept', entityType: 'invitation', entityId: invitation.id, ip: client.ip });
    return id;
  });

  if (input.previousSessionToken) await deleteSession(db, hashToken(input.previousSessionToken));
  const sessionToken = await startSession(db, personId, client);
  const person = await findPersonById(db, personId);
  if (!person) throw new Error('person vanished after accepting an invitation');
  return { sessionToken, user: await currentUserOf(db, person) };
}

export async function pageOfInvitations(db: Db, page: number, pageSize: number) {
  const { items, total } = await listInvitations(db, page, pageSize);
  return { items: items.map(toInvitation), total, page, pageSize };
}

export async function revokeInvitation(db: Db, input: { id: string; actor: CurrentUser; ip: string }) {
  await db.transaction().execute(async (trx) => {
    const row = await findInvitationById(trx, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'No such invitation.');
    if (row.status !== 'pending') throw new AppError('CONFLICT', `The invitation is already ${row.status}.`);
    await markRevoked(trx, input.id);
    await recordAudit(trx, { actorId: input.actor.id, action: 'invitation.revoke', entityType: 'invitation', entityId: input.id, ip: input.ip });
  });
}
