import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';

/**
 * The roles whose queues a person sees: every role they hold. What each
 * queue holds is scoped in its service: a manager sees every programme, an
 * evaluator only their own assignments, a facilitator only the groups they
 * run, a representative only the cities they represent.
 */
export const rolesWithQueues = (user: CurrentUser): Role[] => ROLES.filter((role) => hasRole(user, role));
