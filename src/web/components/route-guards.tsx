import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigation } from 'react-router';
import { LoadingState } from './loading-state.tsx';
import { PageTitle } from './page-title.tsx';
import { ProblemAlert } from './problem-alert.tsx';
import { Text } from '@mantine/core';
import type { Role } from '../../shared/roles.ts';
import { useSession } from '../lib/session.ts';
import { hasRole } from '../../shared/role-predicates.ts';

/**
 * Shows the page to signed-in people (holding `role` when given); sends
 * others to sign in and back; a person awaiting approval goes to their
 * registration unless the page is open to them (`pendingAllowed`). The server enforces the same rules on every
 * request; this only spares people a page that would fail.
 */
export function RequireSignedIn({ role, pendingAllowed = false, children }: { role?: Role; pendingAllowed?: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigation = useNavigation();

  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ProblemAlert error={session.error} />;
  const user = session.data.user;
  if (!user) {
    // A page being left (signing out leaves for the sign-in page, session.ts)
    // does not send anyone to sign in with a way back to itself.
    if (navigation.state !== 'idle') return null;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  // Registered, not approved yet: the server refuses the page's data, so show where the registration stands.
  if (user.pendingApproval && !pendingAllowed) return <Navigate to="/registration" replace />;
  if (role && !hasRole(user, role)) {
    return (
      <>
        <PageTitle>{t('forbidden.title')}</PageTitle>
        <Text>{t('forbidden.body', { role: t(`roles.${role}`) })}</Text>
      </>
    );
  }
  return children;
}
