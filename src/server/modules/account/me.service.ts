import type { ChangePasswordBody, CurrentUser, UpdateMeBody } from '../../../shared/account.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken } from '../auth/tokens.ts';
import { countPasswordCheckFailures, deleteSessionsOf, recordSignInAttempt } from '../session/session.repository.ts';
import type { SessionCache } from '../session/session-cache.ts';
import { SESSION_POLICY } from '../session/session-policy.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { passwordChangedEmail } from '../email/email-templates.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { currentUserOf, findPersonById, updatePerson } from '../people/people.repository.ts';

export async function updateProfile(db: Db, user: CurrentUser, body: UpdateMeBody): Promise<CurrentUser> {
  await updatePerson(db, user.id, { name: body.name, locale: body.locale });
  const person = await findPersonById(db, user.id);
  if (!person) throw new AppError('NOT_FOUND', 'Your account no longer exists.');
  return currentUserOf(db, person);
}

/**
 * Changes the password after checking the current one. Wrong current
 * passwords are counted per account, shared by every process through the
 * database, and after a few the check answers 429 for a while (decision 0026):
 * a stolen session cannot guess its way to the password. The other sessions
 * end at once — in this process's memory too — and the owner is told by email.
 */
export async function changePassword(
  db: Db,
  input: { user: CurrentUser; body: ChangePasswordBody; sessionToken: string | null; passwordHashCost: number; ip: string; publicUrl: string; cache?: SessionCache | undefined },
) {
  const person = await findPersonById(db, input.user.id);
  if (!person) throw new AppError('UNAUTHENTICATED', 'Your account no longer exists.');
  await assertPasswordCheckNotThrottled(db, person.email);
  if (!person.password_hash || !(await verifyPassword(input.body.currentPassword, person.password_hash))) {
    await recordSignInAttempt(db, { email: person.email, ip: input.ip, succeeded: false, kind: 'password_check' });
    throw new AppError('INVALID_CREDENTIALS', 'Your current password is not correct.');
  }
  assertPasswordAllowed(input.body.newPassword, person.email, 'body.newPassword');
  const passwordHash = await hashPassword(input.body.newPassword, input.passwordHashCost);
  await db.transaction().execute(async (trx) => {
    await updatePerson(trx, person.id, { passwordHash });
    await deleteSessionsOf(trx, person.id, input.sessionToken ? hashToken(input.sessionToken) : undefined);
    await recordAudit(trx, { actorId: person.id, action: 'person.change_password', entityType: 'person', entityId: person.id, ip: input.ip });
    await enqueueEmail(trx, passwordChangedEmail({ to: person.email, name: person.name, at: new Date(), how: 'changed', resetUrl: `${input.publicUrl}/forgot-password` }));
  });
  // The ended sessions are forgotten here now, not when the database's announcement arrives
  // (milliseconds later on PostgreSQL): the very next request with one of them is refused.
  input.cache?.forgetPerson(person.id);
}

async function assertPasswordCheckNotThrottled(db: Db, email: string) {
  const { failures, oldest } = await countPasswordCheckFailures(db, email, new Date(Date.now() - SESSION_POLICY.failureWindowMs));
  if (failures < SESSION_POLICY.maxPasswordCheckFailures || !oldest) return;
  const seconds = Math.max(1, Math.ceil((new Date(oldest).getTime() + SESSION_POLICY.failureWindowMs - Date.now()) / 1000));
  throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong current passwords. Try again in ${Math.ceil(seconds / 60)} minutes.`, {
    headers: { 'retry-after': String(seconds) },
  });
}
