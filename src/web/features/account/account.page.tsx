import '../../locales/lazy/notifications-pages.strings.ts';
import { Alert, Divider, Stack, Text } from '@mantine/core';
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
import { MySessionsCard } from './my-sessions.tsx';
import { OptInsCard } from './opt-ins.tsx';
import { ProfileForm } from './profile-form.tsx';
import { DownloadMyData, EraseMyAccount } from './your-data.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';
import '../../locales/lazy/personal-data.strings.ts';
import '../../locales/lazy/support.strings.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import '../../locales/lazy/two-factor.strings.ts';

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
          <PageSection id="my-roles-heading" title={t('account.roles')}>
            <MyRoles roles={me.data.roles} />
          </PageSection>
          {hasRole(me.data, 'expert') && (
            <>
              <Divider />
              <PageSection id="expert-profile-heading" title={t('support.profile.title')}>
                <Text>
                  {t('support.profile.accountHint')} <RouterAnchor to="/account/expert-profile">{t('support.profile.accountLink')}</RouterAnchor>
                </Text>
              </PageSection>
            </>
          )}
          <Divider />
          <PageSection id="profile-heading" title={t('account.profile')}>
            {/* Keyed by id so the form starts from the saved values of whoever is signed in. */}
            <ProfileForm key={me.data.id} user={me.data} />
          </PageSection>
          <Divider />
          <PageSection id="password-heading" title={t('account.changePassword')}>
            <ChangePasswordForm email={me.data.email} />
          </PageSection>
          <Divider />
          <PageSection id="sessions-heading" title={t('account.sessions.title')}>
            <MySessionsCard />
          </PageSection>
          <Divider />
          <PageSection id="two-step-heading" title={t('twoFactor.title')}>
            <TwoFactorSection />
          </PageSection>
          <Divider />
          <PageSection id="calendar-heading" title={t('account.calendarTitle')}>
            <CalendarFeedCard />
          </PageSection>
          <Divider />
          <PageSection id="digest-heading" title={t('account.digestTitle')}>
            <DigestCard />
            <Text mt="sm">
              {t('notificationsPages.account.digestHint')} <RouterAnchor to="/account/notifications">{t('notificationsPages.account.settingsLink')}</RouterAnchor>
            </Text>
          </PageSection>
          <Divider />
          <PageSection id="opt-ins-heading" title={t('account.optInsTitle')}>
            <OptInsCard optIns={me.data.optIns} />
          </PageSection>
          <Divider />
          <PageSection id="your-data-heading" title={t('personalData.title')}>
            <Stack gap="xl">
              <DownloadMyData />
              <EraseMyAccount email={me.data.email} />
            </Stack>
          </PageSection>
        </>
      )}
    </Stack>
  );
}
