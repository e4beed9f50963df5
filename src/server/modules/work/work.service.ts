import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { representedCityIds } from '../../../shared/role-predicates.ts';
import type { Role } from '../../../shared/roles.ts';
import type { MyWork } from '../../../shared/work.schemas.ts';
import type { Db } from '../../db/client.ts';
import { allFollowUp, claimQueues, cityQueues } from './city-work.service.ts';
import { evaluationItems, evaluatorQueues } from './evaluator-work.service.ts';
import { expertQueues } from './expert-work.service.ts';
import { facilitatorQueues } from './facilitator-work.service.ts';
import { managerQueues } from './manager-work.service.ts';
import { loadWorkContext, type WorkContext } from './work-context.service.ts';
import { presentWork, type Queue, type QueuedItem } from './work.presenter.ts';
import { rolesWithQueues } from './work.policy.ts';
import { activeHoldersOf, pendingEvaluations } from './work.repository.ts';


function queuesOf(db: Db, ctx: WorkContext, user: CurrentUser, role: Role, now: Date): Promise<Queue[]> {
  switch (role) {
    case 'programme_manager':
      return managerQueues(db, ctx);
    case 'evaluator':
      return evaluatorQueues(db, ctx, user.id);
    case 'facilitator':
      return facilitatorQueues(db, ctx, user.id);
    case 'city_representative':
      return Promise.all([cityQueues(db, ctx, representedCityIds(user)), claimQueues(db, user)]).then((qs) => qs.flat());
    case 'expert':
      return expertQueues(db, user.id, now);
  }
}

/** What needs this person now: a queue for each role they hold, in order of urgency. */
export async function myWork(db: Db, user: CurrentUser, now: Date): Promise<MyWork> {
  const roles = rolesWithQueues(user);
  if (roles.every((role) => role === 'expert')) return presentWork(roles.length ? await expertQueues(db, user.id, now) : []);
  const ctx = await loadWorkContext(db, now);
  const queues = await Promise.all(roles.map((role) => queuesOf(db, ctx, user, role, now)));
  return presentWork(queues.flat());
}

/** A person to remind, and the overdue items of their queues (by key). */
export interface OverdueWork {
  person: { id: string; email: string; name: string };
  items: Map<string, QueuedItem>;
}

/**
 * What is overdue for everyone the reminders go to: evaluators (their
 * evaluations), representatives (their cities' feedback and replication
 * updates) and programme managers (the overdue items of their queues); only
 * active accounts that still hold the role. Someone with several roles gets
 * one entry with all their items.
 */
export async function overdueWork(db: Db, now: Date): Promise<OverdueWork[]> {
  const ctx = await loadWorkContext(db, now);
  const [pending, followUp, managerWork, managers] = await Promise.all([
    pendingEvaluations(db, { activeEvaluators: true }),
    allFollowUp(db, ctx),
    managerQueues(db, ctx),
    activeHoldersOf(db, 'programme_manager'),
  ]);
  const overdueFollowUp = followUp.filter((f) => f.item.urgency === 'overdue');
  const representatives = await activeHoldersOf(db, 'city_representative', [...new Set(overdueFollowUp.map((f) => f.cityId))]);

  const byPerson = new Map<string, OverdueWork>();
  const add = (person: OverdueWork['person'], items: readonly QueuedItem[]) => {
    const entry = byPerson.get(person.id) ?? { person, items: new Map() };
    for (const item of items) if (item.urgency === 'overdue') entry.items.set(item.key, item);
    byPerson.set(person.id, entry);
  };
  for (const row of pending) add({ id: row.evaluator_id, email: row.email, name: row.name }, evaluationItems([row], ctx));
  for (const rep of representatives) {
    add(
      rep,
      overdueFollowUp.filter((f) => f.cityId === rep.city_id).map((f) => f.item),
    );
  }
  const managerItems = managerWork.flatMap((q) => q.items);
  for (const manager of managers) add(manager, managerItems);
  return [...byPerson.values()].filter((entry) => entry.items.size > 0);
}
