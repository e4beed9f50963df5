import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';
import { useTwoFactorStatus } from './two-factor.api.ts';
import '../../locales/lazy/two-factor.strings.ts';

/** Where a programme manager is sent when two-step sign-in is required and not set up yet (also reachable from the account page). */
export function TwoStepPage() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>{t('twoFactor.title')}</PageTitle>
      <TwoFactorSection />
      {status.data?.enabled && <RouterAnchor to="/start">{t('twoFactor.continue')}</RouterAnchor>}
    </Stack>
  );
}
