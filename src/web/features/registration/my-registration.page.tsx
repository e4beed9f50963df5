import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime, useCountryName } from '../../lib/format.ts';
import { useMyRegistration } from './registration.api.ts';
import '../../locales/lazy/registration.strings.ts';

/** Where the signed-in person's registration stands: the one page (besides public ones) open to them until approval. */
export function MyRegistrationPage() {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const registration = useMyRegistration();
  const r = registration.data;
  return (
    <Stack maw={640}>
      <PageTitle>{t('registration.mineTitle')}</PageTitle>
      {registration.isPending && <LoadingState />}
      {registration.isError && <ProblemAlert error={registration.error} />}
      {r && (
        <Paper withBorder p="lg" radius="md">
          <Text fw={600}>{t('registration.mineCity', { city: r.cityName, country: countryName(r.country) })}</Text>
          <Text size="sm" c="dimmed">
            {t('registration.mineSince', { date: formatDateTime(r.createdAt, i18n.language) })}
          </Text>
          <Alert mt="md" variant="light" color={r.status === 'declined' ? 'red' : r.status === 'approved' ? 'green' : 'blue'} title={t(`registration.status.${r.status}`)}>
            {r.status === 'pending' && (r.awaitingPrimaryContact ? t('registration.waitingPrimaryContact') : t('registration.waitingManagers'))}
            {r.status === 'declined' && t('registration.declinedBecause', { reason: r.declineReason ?? '' })}
            {r.status === 'approved' && (
              <>
                {t('registration.approvedNow')}{' '}
                {r.citySlug && <RouterAnchor to={`/cities/${r.citySlug}`} c="blue.9" underline="always">{t('registration.openCity', { city: r.cityName })}</RouterAnchor>}
              </>
            )}
          </Alert>
        </Paper>
      )}
    </Stack>
  );
}
