import { Alert, Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { z } from 'zod';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useMe } from './account.api.ts';
import { CalendarFeedCard, DigestCard } from './calendar-and-digest.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { MyRoles } from './my-roles.tsx';
import { ProfileForm } from './profile-form.tsx';

// Set by the invitation page after the person joined.
const WelcomeState = z.object({ welcome: z.literal(true) });

export function AccountPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const welcome = WelcomeState.safeParse(location.state).success;

  return (
    <Stack gap="lg">
      <PageTitle>{t('account.title')}</PageTitle>
      {welcome && (
        <Alert color="green" variant="light" role="status" title={t('account.welcomeTitle')}>
          {t('account.welcome')}
        </Alert>
      )}
      {me.isPending && <LoadingState />}
      {me.isError && <ProblemAlert error={me.error} />}
      {me.isSuccess && (
        <>
          <section aria-labelledby="my-roles-heading">
            <Title order={2} size="h3" id="my-roles-heading" mb="sm">
              {t('account.roles')}
            </Title>
            <MyRoles roles={me.data.roles} />
          </section>
          <Divider />
          <section aria-labelledby="profile-heading">
            <Title order={2} size="h3" id="profile-heading" mb="sm">
              {t('account.profile')}
            </Title>
            {/* Keyed by id so the form starts from the saved values of whoever is signed in. */}
            <ProfileForm key={me.data.id} user={me.data} />
          </section>
          <Divider />
          <section aria-labelledby="password-heading">
            <Title order={2} size="h3" id="password-heading" mb="sm">
              {t('account.changePassword')}
            </Title>
            <ChangePasswordForm email={me.data.email} />
          </section>
          <Divider />
          <section aria-labelledby="calendar-heading">
            <Title order={2} size="h3" id="calendar-heading" mb="sm">
              {t('account.calendarTitle')}
            </Title>
            <CalendarFeedCard />
          </section>
          <Divider />
          <section aria-labelledby="digest-heading">
            <Title order={2} size="h3" id="digest-heading" mb="sm">
              {t('account.digestTitle')}
            </Title>
            <DigestCard />
          </section>
        </>
      )}
    </Stack>
  );
}
