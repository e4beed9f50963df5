import type { ChangePasswordBody, CurrentUser, UpdateMeBody } from '../../../shared/account.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken } from '../auth/tokens.ts';
import { deleteSessionsOf } from '../session/session.repository.ts';
import { currentUserOf, findPersonById, updatePerson } from '../people/people.repository.ts';

export async function updateProfile(db: Db, user: CurrentUser, body: UpdateMeBody): Promise<CurrentUser> {
  await updatePerson(db, user.id, { name: body.name, locale: body.locale });
  const person = await findPersonById(db, user.id);
  if (!person) throw new AppError('NOT_FOUND', 'Your account no longer exists.');
  return currentUserOf(db, person);
}

export async function changePassword(
  db: Db,
  input: { user: CurrentUser; body: ChangePasswordBody; sessionToken: string | null; passwordHashCost: number; ip: string },
) {
  const person = await findPersonById(db, input.user.id);
  if (!person?.password_hash || !(await verifyPassword(input.body.currentPassword, person.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', 'Your current password is not correct.');
  }
  const passwordHash = await hashPassword(input.body.newPassword, input.passwordHashCost);
  await db.transaction().execute(async (trx) => {
    await updatePerson(trx, person.id, { passwordHash });
    await deleteSessionsOf(trx, person.id, input.sessionToken ? hashToken(input.sessionToken) : undefined);
    await recordAudit(trx, { actorId: person.id, action: 'person.change_password', entityType: 'person', entityId: person.id, ip: input.ip });
  });
}
