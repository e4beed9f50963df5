import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Person } from '../../../shared/people.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { accountDeactivatedEmail, accountReactivatedEmail } from '../people/people-emails.ts';
import { deactivationRefusal } from '../people/people.policy.ts';
import { activeManagerIds, findPersonById, holdsRole, isErased, setDeactivated } from '../people/people.repository.ts';
import { personOrThrow } from '../people/people.service.ts';
import { deleteSessionsOf } from '../session/session.repository.ts';
import type { SessionCache } from '../session/session-cache.ts';

/**
 * Deactivates an account: the person cannot sign in any more and every
 * session of theirs ends at once, in every app process (deleting the
 * sessions and setting `disabled_at` are announced on `session_changes`,
 * decision 0010). Their records stay. Deactivating twice changes nothing.
 */
export async function deactivateAccount(db: Db, input: { personId: string; actor: CurrentUser; ip: string; cache?: SessionCache | undefined }): Promise<Person> {
  await db.transaction().execute(async (trx) => {
    const person = await findPersonById(trx, input.personId);
    if (!person) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
    const manager = await holdsRole(trx, person.id, 'programme_manager', null);
    const member = { id: person.id, name: person.name, active: person.disabled_at === null, manager };
    const refusal = deactivationRefusal(input.actor.id, member, manager ? await activeManagerIds(trx) : []);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const at = new Date();
    if (!(await setDeactivated(trx, person.id, at))) return;
    await deleteSessionsOf(trx, person.id);
    await enqueueEmail(trx, accountDeactivatedEmail({ to: person.email, name: person.name }));
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'person.deactivate',
      entityType: 'person',
      entityId: person.id,
      ip: input.ip,
      details: { before: { deactivatedAt: null }, after: { deactivatedAt: at.toISOString() } },
    });
  });
  // Forgotten in this process now, not when the announcement comes back (decision 0026).
  input.cache?.forgetPerson(input.personId);
  return personOrThrow(db, input.personId);
}

/** Lets a deactivated person sign in again (with their password as it was); reactivating an active account changes nothing. */
export async function reactivateAccount(db: Db, input: { personId: string; actor: CurrentUser; publicUrl: string; ip: string }): Promise<Person> {
  await db.transaction().execute(async (trx) => {
    const person = await findPersonById(trx, input.personId);
    if (!person) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
    if (await isErased(trx, person.id)) throw new AppError('CONFLICT', reason('ACCOUNT_ALREADY_ERASED'));
    if (!(await setDeactivated(trx, person.id, null))) return;
    await enqueueEmail(trx, accountReactivatedEmail({ to: person.email, name: person.name, url: `${input.publicUrl}/sign-in` }));
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'person.reactivate',
      entityType: 'person',
      entityId: person.id,
      ip: input.ip,
      details: { before: { deactivatedAt: person.disabled_at ? new Date(person.disabled_at).toISOString() : null }, after: { deactivatedAt: null } },
    });
  });
  return personOrThrow(db, input.personId);
}
