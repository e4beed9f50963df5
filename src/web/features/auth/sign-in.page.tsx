import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { safeNextPath } from './safe-next-path.ts';
import { SignInForm } from './sign-in-form.tsx';

// Set by the sign-out button so this page can confirm it worked.
const SignedOutState = z.object({ signedOut: z.literal(true) });

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const user = useCurrentUser();
  const justSignedOut = SignedOutState.safeParse(location.state).success;
  // Signed-in people start from what needs them (docs/web.md, "Start pages").
  const next = safeNextPath(searchParams.get('next'), '/start');

  return (
    <Stack maw={460}>
      <PageTitle>{t('signIn.title')}</PageTitle>
      {justSignedOut && !user && (
        <Alert color="green" variant="light" role="status">
          {t('signIn.signedOut')}
        </Alert>
      )}
      {user && !justSignedOut && (
        <Alert color="blue" variant="light">
          {t('signIn.alreadySignedIn', { name: user.name })}{' '}
          <RouterAnchor to="/account">{t('signIn.goToAccount')}</RouterAnchor>
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <SignInForm
          onSignedIn={() => void navigate(next, { replace: true })}
          onSecondStep={() => void navigate(`/sign-in/second-step?next=${encodeURIComponent(next)}`)}
        />
      </Paper>
      <Text size="sm">
        <RouterAnchor to="/forgot-password">{t('signIn.forgotPassword')}</RouterAnchor>
      </Text>
      <Text size="sm" c="dimmed">
        {t('signIn.byInvitation')} <RouterAnchor to="/register" underline="always">{t('signIn.register')}</RouterAnchor>
      </Text>
    </Stack>
  );
}
