import { Alert, Paper, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useChangeRegistrationSettings, useRegistrationSettings } from './registration.api.ts';
import '../../locales/lazy/registration.strings.ts';

/** Programme managers open or close registration; closed, /register says whom to ask for an invitation. */
export function RegistrationSettingsPage() {
  const { t } = useTranslation();
  const settings = useRegistrationSettings();
  const change = useChangeRegistrationSettings();
  return (
    <Stack maw={640}>
      <PageTitle>{t('registration.settingsTitle')}</PageTitle>
      <Text>{t('registration.settingsIntro')}</Text>
      {settings.isPending && <LoadingState />}
      {settings.isError && <ProblemAlert error={settings.error} />}
      <ProblemAlert error={change.error} />
      {settings.data && (
        <Paper withBorder p="lg" radius="md">
          <Switch
            label={t('registration.openSwitch')}
            description={t('registration.openSwitchHint', { email: settings.data.contactEmail })}
            checked={settings.data.open}
            disabled={change.isPending}
            onChange={(event) => change.mutate({ open: event.currentTarget.checked })}
          />
          {change.isSuccess && (
            <Alert mt="md" color="green" variant="light" role="status">
              {settings.data.open ? t('registration.nowOpen') : t('registration.nowClosed')}
            </Alert>
          )}
        </Paper>
      )}
      <Text size="sm">
        <RouterAnchor to="/registrations">{t('registration.queueLink')}</RouterAnchor>
      </Text>
    </Stack>
  );
}
