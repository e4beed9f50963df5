import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { passwordChangedEmail, passwordResetEmail } from '../email/email-templates.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { findPersonByEmail, updatePerson } from '../people/people.repository.ts';
import { deleteSessionsOf } from '../session/session.repository.ts';
import type { SessionCache } from '../session/session-cache.ts';
import { findUsableReset, findUsableResetForUpdate, insertReset, markResetsUsed, resetRequestedSince } from './password-resets.repository.ts';

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

/**
 * Sets the new password, uses up the link, ends every session of the person
 * and tells them by email (decision 0026). A password the policy refuses is
 * refused before anything changes; the link keeps working.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string; passwordHashCost: number; ip: string; publicUrl: string; cache?: SessionCache | undefined },
) {
  const tokenHash = hashToken(input.token);
  const usable = await findUsableReset(db, tokenHash, new Date());
  if (!usable) throw invalidLink();
  assertPasswordAllowed(input.password, usable.email, 'body.password');
  const passwordHash = await hashPassword(input.password, input.passwordHashCost);
  const personId = await db.transaction().execute(async (trx) => {
    const reset = await findUsableResetForUpdate(trx, tokenHash, new Date());
    if (!reset) throw invalidLink();
    await markResetsUsed(trx, reset.person_id, new Date());
    await updatePerson(trx, reset.person_id, { passwordHash });
    await deleteSessionsOf(trx, reset.person_id);
    await recordAudit(trx, { actorId: reset.person_id, action: 'password_reset.complete', entityType: 'person', entityId: reset.person_id, ip: input.ip });
    await enqueueEmail(trx, passwordChangedEmail({ to: usable.email, name: usable.name, at: new Date(), how: 'reset', resetUrl: `${input.publicUrl}/forgot-password` }));
    return reset.person_id;
  });
  // This process answers the ended sessions no more from now on, before the announcement comes back.
  input.cache?.forgetPerson(personId);
}

const invalidLink = () => new AppError('TOKEN_INVALID', 'This reset link has expired or was already used. Ask for a new one.');
