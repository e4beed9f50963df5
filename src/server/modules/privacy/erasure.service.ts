import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { ERASE_WORD, type ErasureItem, type ErasureReport } from '../../../shared/personal-data.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { verifyPassword } from '../auth/password.ts';
import { activeManagerIds, findPersonById, holdsRole } from '../people/people.repository.ts';
import { anonymiseRows, deletePersonalRows, FORMER_PARTICIPANT, identityOf, keptRowCounts, lockPerson, scrubMentions, type Identity } from './erasure.repository.ts';
import { PERSONAL_DATA_MAP, type TableEntry } from './personal-data-map.ts';

function entryOf(table: string): TableEntry | undefined {
  return (PERSONAL_DATA_MAP as Record<string, TableEntry>)[table];
}

/** The report of one erasure: every table touched, what happened and why, from the personal-data map. */
function reportOf(personId: string, at: Date, deleted: Record<string, number>, anonymised: Record<string, number>, kept: Record<string, number>): ErasureReport {
  const items: ErasureItem[] = [];
  const add = (counts: Record<string, number>, outcome: ErasureItem['outcome']) => {
    for (const [table, rows] of Object.entries(counts)) {
      if (rows === 0) continue;
      const entry = entryOf(table);
      const why =
        outcome === 'kept'
          ? `Kept as the programme's record, ${entry?.why ?? 'who did what'}, now under "${FORMER_PARTICIPANT}"; kept ${entry?.retention ?? 'as long as the record'}.`
          : outcome === 'anonymised'
            ? `Kept without the personal data: ${entry?.why ?? ''}.`
            : `Not needed once the account is gone: it was kept ${entry?.why ?? ''}.`;
      items.push({ table, holds: entry?.holds ?? table, outcome, rows, why });
    }
  };
  add(anonymised, 'anonymised');
  add(deleted, 'deleted');
  // The person's own row is counted as anonymised, not as a record kept.
  const { people: _self, ...others } = kept;
  add(others, 'kept');
  return { personId, erasedAt: at.toISOString(), formerName: FORMER_PARTICIPANT, items };
}

const scrubText = (text: string, who: Identity) =>
  [who.email, who.name, ...who.phones]
    .filter((n) => n.trim().length >= 3)
    .reduce((t, n) => t.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), FORMER_PARTICIPANT), text);

/**
 * Erases an account in one transaction: the person's rows the programme does
 * not need are deleted, their account row and delegate rows anonymised, their
 * name, email and phone replaced wherever free text mentions them, and the
 * records the programme needs (applications, evaluations, decisions, posts,
 * the audit log) kept, pointing at the account that now reads "Former
 * participant". Sessions end with the deletion (announced to every process,
 * decision 0010). Answers the report of what was kept and why.
 */
async function erase(db: Db, input: { personId: string; actorId: string; self: boolean; reason: string | null; ip: string; now: Date }): Promise<ErasureReport> {
  return db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, input.personId);
    if (!person) throw new AppError('NOT_FOUND', reason('PERSON_NOT_FOUND'));
    if (person.erased_at) throw new AppError('CONFLICT', reason('ACCOUNT_ALREADY_ERASED'));
    if (await holdsRole(trx, person.id, 'programme_manager', null)) {
      const managers = await activeManagerIds(trx);
      if (!managers.some((id) => id !== person.id)) throw new AppError('CONFLICT', reason('LAST_MANAGER_CANNOT_BE_ERASED', { name: person.name }));
    }
    const who = await identityOf(trx, person);
    const at = input.now;
    const kept = await keptRowCounts(trx, person.id);
    const deleted = await deletePersonalRows(trx, who);
    const anonymised = await anonymiseRows(trx, who, at);
    const mentions = await scrubMentions(trx, who);
    const report = reportOf(person.id, at, deleted, anonymised, Object.fromEntries(Object.entries(kept).filter(([t]) => entryOf(t)?.erasure === 'keep' || !entryOf(t))));
    await recordAudit(trx, {
      actorId: input.actorId,
      action: input.self ? 'person.erase_self' : 'person.erase',
      entityType: 'person',
      entityId: person.id,
      ip: input.self ? null : input.ip,
      // Counts and the reason, never the erased values.
      details: {
        reason: input.reason === null ? null : scrubText(input.reason, who),
        mentionsReplaced: mentions,
        items: report.items.map(({ table, outcome, rows }) => ({ table, outcome, rows })),
      },
    });
    return report;
  });
}

/** A person erases their own account: their password and the word typed. */
export async function eraseMyAccount(db: Db, input: { user: CurrentUser; password: string; confirmation: string; now: Date }): Promise<ErasureReport> {
  if (input.confirmation.trim().toUpperCase() !== ERASE_WORD) {
    throw new AppError('VALIDATION_FAILED', reason('ERASURE_CONFIRMATION'), { errors: [fieldError('body.confirmation', reason('ERASURE_CONFIRMATION'))] });
  }
  const person = await findPersonById(db, input.user.id);
  if (!person?.password_hash || !(await verifyPassword(input.password, person.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', 'Your password is not correct.');
  }
  return erase(db, { personId: person.id, actorId: person.id, self: true, reason: null, ip: '', now: input.now });
}

/** A programme manager erases an account on request, with the reason (audited). */
export async function eraseAccount(db: Db, input: { personId: string; actor: CurrentUser; reason: string; confirmation: string; ip: string; now: Date }): Promise<ErasureReport> {
  if (input.personId === input.actor.id) throw new AppError('CONFLICT', reason('CANNOT_ERASE_YOURSELF_HERE'));
  if (input.confirmation.trim().toUpperCase() !== ERASE_WORD) {
    throw new AppError('VALIDATION_FAILED', reason('ERASURE_CONFIRMATION'), { errors: [fieldError('body.confirmation', reason('ERASURE_CONFIRMATION'))] });
  }
  return erase(db, { personId: input.personId, actorId: input.actor.id, self: false, reason: input.reason, ip: input.ip, now: input.now });
}
