import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { hasRole, representsCity } from '../../shared/role-predicates.ts';
import { useCurrentUser } from '../lib/session.ts';

/**
 * A way into the direct exchange from a solution, a city or a visit
 * ("Ask Valencia about this"): a plain link to /messages/new, so the
 * feature showing it needs nothing of the exchange's code. Shown only to
 * people with an inbox, and not about their own city.
 */
export function WriteToButton({ to, label, cityIds }: { to: string; label: string; cityIds: readonly string[] }) {
  const user = useCurrentUser();
  if (!user || user.pendingApproval) return null;
  if (!(hasRole(user, 'city_representative') || hasRole(user, 'programme_manager') || hasRole(user, 'expert'))) return null;
  const others = cityIds.filter((id) => !representsCity(user, id));
  if (!others.length) return null;
  return (
    // The default variant: the light one fell to a 1.2:1 contrast under the pointer (axe, visit page).
    <Button component={Link} to={to} variant="default">
      {label}
    </Button>
  );
}
