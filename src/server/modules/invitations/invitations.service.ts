import { z } from 'zod';
import {
  OtherRole,
  type AcceptInvitationBody,
  type CreateInvitationBody,
  type CurrentUser,
  type Invitation,
  type InvitationPreview,
} from '../../../shared/account.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { Role } from '../../../shared/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { invitationEmail } from '../email/email-templates.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { checkNoticeVersion, currentNoticeVersion, recordConsent } from '../consent/consent.service.ts';
import { currentUserOf, findPersonByEmail, findPersonById, grantRole, holdsRole, insertPerson, updatePerson } from '../people/people.repository.ts';
import { cityNameForRole } from '../people/people.service.ts';
import { deleteSession } from '../session/session.repository.ts';
import { startSession, type ClientInfo } from '../session/session.service.ts';
import {
  findInvitationById,
  findInvitationByToken,
  findInvitationByTokenForUpdate,
  hasPendingInvitation,
  insertInvitation,
  listInvitations,
  markAccepted,
  markRevoked,
  renewInvitation,
  type InvitationRow,
} from './invitations.repository.ts';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: Role.parse(row.role),
  cityId: row.city_id,
  cityName: row.city_name,
  otherRoles: z.array(OtherRole).parse(row.other_roles),
  status: row.status,
  invitedBy: row.invited_by_name,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
});

/** Every role an invitation grants, the one with a city first. */
const grantsOf = (invitation: Pick<Invitation, 'role' | 'cityId' | 'otherRoles'>) => [
  { role: invitation.role, cityId: invitation.cityId },
  ...invitation.otherRoles.map((role) => ({ role, cityId: null })),
];

const invalidLink = () =>
  new AppError('TOKEN_INVALID', 'This invitation link has expired, was revoked or was already used. Ask the programme team for a new one.');

/** Why an invitation that is no longer pending cannot be revoked or sent again. */
const NOT_PENDING: Record<Exclude<Invitation['status'], 'pending'>, Reason> = {
  accepted: reason('INVITATION_ACCEPTED'),
  revoked: reason('INVITATION_REVOKED'),
  expired: reason('INVITATION_EXPIRED'),
};

/**
 * Invites a person by email with one or more roles (a city representative's
 * names its city). Programme managers invite anyone; a city's primary
 * contact invites colleagues through representatives.service.ts.
 */
export async function createInvitation(
  db: Db,
  input: { body: CreateInvitationBody; actor: CurrentUser; publicUrl: string; ip: string },
): Promise<Invitation> {
  const { body, actor } = input;
  const cityName = await cityNameForRole(db, body.cityId);
  const grants = grantsOf(body);
  const existing = await findPersonByEmail(db, body.email);
  if (existing?.disabled_at) throw new AppError('CONFLICT', reason('PERSON_DEACTIVATED', { name: existing.name }));
  for (const grant of existing ? grants : []) {
    if (existing && (await holdsRole(db, existing.id, grant.role, grant.cityId))) throw new AppError('EMAIL_TAKEN', reason('ROLE_ALREADY_HELD'));
  }
  if (await hasPendingInvitation(db, body.email, grants)) {
    throw new AppError('INVITATION_PENDING', reason('INVITATION_ALREADY_PENDING', { email: body.email }));
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
      otherRoles: body.otherRoles,
      tokenHash: hashToken(token),
      invitedBy: actor.id,
      expiresAt,
    });
    await enqueueEmail(trx, emailFor({ ...body, cityName }, { inviterName: actor.name, url: `${input.publicUrl}/invitations/${token}`, expiresAt }));
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitationId,
      ip: input.ip,
      details: { email: body.email, role: body.role, cityId: body.cityId, otherRoles: body.otherRoles },
    });
    return invitationId;
  });
  const row = await findInvitationById(db, id);
  if (!row) throw new Error('invitation vanished after insert');
  return toInvitation(row);
}

function emailFor(
  invitation: Pick<Invitation, 'email' | 'name' | 'role' | 'cityName' | 'otherRoles'>,
  link: { inviterName: string; url: string; expiresAt: Date },
) {
  return invitationEmail({
    to: invitation.email,
    name: invitation.name,
    roles: [{ role: invitation.role, cityName: invitation.cityName }, ...invitation.otherRoles.map((role) => ({ role, cityName: null }))],
    ...link,
  });
}

export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const row = await findInvitationByToken(db, hashToken(token));
  if (!row || row.status !== 'pending') throw invalidLink();
  const person = await findPersonByEmail(db, row.email);
  const invitation = toInvitation(row);
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    cityName: invitation.cityName,
    otherRoles: invitation.otherRoles,
    existingAccount: Boolean(person?.password_hash),
    expiresAt: invitation.expiresAt,
    privacyNoticeVersion: await currentNoticeVersion(db),
  };
}

/**
 * Accepts an invitation and grants every role it carries: a new person
 * chooses a password; a person who already has an account proves it with
 * their current password. A deactivated account stays deactivated.
 */
export async function acceptInvitation(
  db: Db,
  input: {
    token: string;
    body: AcceptInvitationBody;
    passwordHashCost: number;
    previousSessionToken: string | null;
    /** Two-step sign-in (modules/two-factor): an existing account that uses it gets no session before its code. */
    needsSecondStep?: (personId: string) => Promise<boolean>;
  },
  client: ClientInfo,
): Promise<{ sessionToken: string | null; user: CurrentUser }> {
  const preview = await findInvitationByToken(db, hashToken(input.token));
  if (!preview || preview.status !== 'pending') throw invalidLink();
  const existing = await findPersonByEmail(db, preview.email);
  if (existing?.password_hash && !(await verifyPassword(input.body.password, existing.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', 'You already have an account: enter its current password to accept.');
  }
  if (existing?.disabled_at) throw new AppError('FORBIDDEN', reason('ACCOUNT_DEACTIVATED'));
  if (!existing?.password_hash) assertPasswordAllowed(input.body.password, preview.email, 'body.password');
  // Before hashing a password: an outdated notice is refused at once (and again, for certain, in the transaction).
  await checkNoticeVersion(db, input.body.privacyNoticeVersion);
  const passwordHash = existing?.password_hash ? null : await hashPassword(input.body.password, input.passwordHashCost);

  const personId = await db.transaction().execute(async (trx) => {
    const row = await findInvitationByTokenForUpdate(trx, hashToken(input.token));
    if (!row || row.status !== 'pending') throw invalidLink();
    const invitation = toInvitation(row);
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
    for (const grant of grantsOf(invitation)) {
      await grantRole(trx, { personId: id, ...grant, primaryContact: grant.cityId !== null && row.primary_contact });
    }
    await markAccepted(trx, invitation.id, id);
    await recordConsent(trx, { personId: id, noticeVersion: input.body.privacyNoticeVersion, context: 'invitation' });
    await recordAudit(trx, {
      actorId: id,
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      ip: client.ip,
      details: { privacyNoticeVersion: input.body.privacyNoticeVersion },
    });
    return id;
  });

  const person = await findPersonById(db, personId);
  if (!person) throw new Error('person vanished after accepting an invitation');
  const user = await currentUserOf(db, person);
  if (existing?.password_hash && (await input.needsSecondStep?.(personId))) return { sessionToken: null, user };
  if (input.previousSessionToken) await deleteSession(db, hashToken(input.previousSessionToken));
  const sessionToken = await startSession(db, personId, client);
  return { sessionToken, user };
}

export async function pageOfInvitations(db: Db, query: { email?: string | undefined; page: number; pageSize: number }) {
  const { items, total } = await listInvitations(db, { email: query.email }, query.page, query.pageSize);
  return { items: items.map(toInvitation), total, page: query.page, pageSize: query.pageSize };
}

/** Revokes a pending invitation: its link stops working. */
export async function revokeInvitation(db: Db, input: { id: string; actor: CurrentUser; ip: string }) {
  await db.transaction().execute(async (trx) => {
    const row = await findInvitationById(trx, input.id, { lock: true });
    if (!row) throw new AppError('NOT_FOUND', reason('INVITATION_NOT_FOUND'));
    if (row.status !== 'pending') throw new AppError('CONFLICT', NOT_PENDING[row.status]);
    await markRevoked(trx, input.id);
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: input.id,
      ip: input.ip,
      details: { before: { status: 'pending' }, after: { status: 'revoked' } },
    });
  });
}

/**
 * Sends a pending or expired invitation again, with a new link valid for
 * another seven days; the link sent before stops working.
 */
export async function resendInvitation(db: Db, input: { id: string; actor: CurrentUser; publicUrl: string; ip: string }): Promise<Invitation> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  await db.transaction().execute(async (trx) => {
    const row = await findInvitationById(trx, input.id, { lock: true });
    if (!row) throw new AppError('NOT_FOUND', reason('INVITATION_NOT_FOUND'));
    if (row.status === 'accepted' || row.status === 'revoked') throw new AppError('CONFLICT', NOT_PENDING[row.status]);
    await renewInvitation(trx, row.id, { tokenHash: hashToken(token), expiresAt });
    await enqueueEmail(trx, emailFor(toInvitation(row), { inviterName: input.actor.name, url: `${input.publicUrl}/invitations/${token}`, expiresAt }));
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'invitation.resend',
      entityType: 'invitation',
      entityId: row.id,
      ip: input.ip,
      details: { before: { expiresAt: new Date(row.expires_at).toISOString() }, after: { expiresAt: expiresAt.toISOString() } },
    });
  });
  const row = await findInvitationById(db, input.id);
  if (!row) throw new AppError('NOT_FOUND', reason('INVITATION_NOT_FOUND'));
  return toInvitation(row);
}
