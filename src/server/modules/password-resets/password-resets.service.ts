import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { passwordResetEmail } from '../email/email-templates.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { findPersonByEmail, findPersonById, updatePerson } from '../people/people.repository.ts';
import { deleteSessionsOf } from '../session/session.repository.ts';
import { passwordResetDoneEmail } from './password-resets-emails.ts';
import { findUsableResetForUpdate, insertReset, markResetsUsed, resetRequestedSince } from './password-resets.repository.ts';

const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** At most one reset email a minute per account, so the form cannot flood an inbox. */
const RESEND_INTERVAL_MS = 60 * 1000;

/** Sends a reset link when the account exists; the caller answers the same either way. */
export async function requestPasswordReset(db: Db, input: { email: string; publicUrl: string; ip: string }) {
  const person = await findPersonByEmail(db, input.email);
  if (!person || person.disabled_at) return;
  if (await resetRequestedSince(db, person.id, new Date(Date.now() - RESEND_INTERVAL_MS))) return;
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_LIFETIME_MS);
  await db.transaction().execute(async (trx) => {
    const resetId = await insertReset(trx, { personId: person.id, tokenHash: hashToken(token), expiresAt });
    await enqueueEmail(trx, passwordResetEmail({ to: person.email, name: person.name, url: `${input.publicUrl}/reset-password/${token}`, expiresAt }));
    await recordAudit(trx, { actorId: null, action: 'password_reset.request', entityType: 'person', entityId: person.id, ip: input.ip, details: { resetId } });
  });
}

/** Sets the new password, uses up the link, ends every session of the person and tells them by email. */
export async function resetPassword(db: Db, input: { token: string; password: string; passwordHashCost: number; ip: string; contactEmail: string }) {
  const passwordHash = await hashPassword(input.password, input.passwordHashCost);
  await db.transaction().execute(async (trx) => {
    const reset = await findUsableResetForUpdate(trx, hashToken(input.token), new Date());
    if (!reset) throw new AppError('TOKEN_INVALID', 'This reset link has expired or was already used. Ask for a new one.');
    await markResetsUsed(trx, reset.person_id, new Date());
    await updatePerson(trx, reset.person_id, { passwordHash });
    await deleteSessionsOf(trx, reset.person_id);
    const person = await findPersonById(trx, reset.person_id);
    if (person) await enqueueEmail(trx, passwordResetDoneEmail({ to: person.email, name: person.name, at: new Date(), contactEmail: input.contactEmail }));
    await recordAudit(trx, { actorId: reset.person_id, action: 'password_reset.complete', entityType: 'person', entityId: reset.person_id, ip: input.ip });
  });
}
