import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { representedCityIds } from '../../../shared/role-predicates.ts';
import type { Role } from '../../../shared/roles.ts';
import type { MyWork } from '../../../shared/work.schemas.ts';
import type { Db } from '../../db/client.ts';
import { cityQueues } from './city-work.service.ts';
import { evaluatorQueues } from './evaluator-work.service.ts';
import { facilitatorQueues } from './facilitator-work.service.ts';
import { managerQueues } from './manager-work.service.ts';
import { loadWorkContext, type WorkContext } from './work-context.service.ts';
import { presentWork, type Queue } from './work.presenter.ts';
import { rolesWithQueues } from './work.policy.ts';

// Support requests do not exist yet (issue 17): the experts' queue says where they will arrive.
const EXPERT_QUEUES: Queue[] = [{ kind: 'support_requests', role: 'expert', items: [], link: null }];

function queuesOf(db: Db, ctx: WorkContext, user: CurrentUser, role: Role): Promise<Queue[]> {
  switch (role) {
    case 'programme_manager':
      return managerQueues(db, ctx);
    case 'evaluator':
      return evaluatorQueues(db, ctx, user.id);
    case 'facilitator':
      return facilitatorQueues(db, ctx, user.id);
    case 'city_representative':
      return cityQueues(db, ctx, representedCityIds(user));
    case 'expert':
      return Promise.resolve(EXPERT_QUEUES);
  }
}

/** What needs this person now: a queue for each role they hold, in order of urgency. */
export async function myWork(db: Db, user: CurrentUser, now: Date): Promise<MyWork> {
  const roles = rolesWithQueues(user);
  if (roles.every((role) => role === 'expert')) return presentWork(roles.length ? EXPERT_QUEUES : []);
  const ctx = await loadWorkContext(db, now);
  const queues = await Promise.all(roles.map((role) => queuesOf(db, ctx, user, role)));
  return presentWork(queues.flat());
}
