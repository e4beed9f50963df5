import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OptIns } from '../../../shared/privacy.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSetOptIns } from './account.api.ts';

/** The newsletter and the public contact listing: each off until the person turns it on, saved at once. */
export function OptInsCard({ optIns }: { optIns: OptIns }) {
  const { t } = useTranslation();
  const set = useSetOptIns();
  // While saving, show the choice being made.
  const shown = set.isPending ? set.variables : optIns;
  return (
    <Stack gap="md" maw={640}>
      <Text>{t('account.optIns.intro')}</Text>
      <ProblemAlert error={set.error} />
      <Switch
        label={t('account.optIns.newsletter')}
        description={t('account.optIns.newsletterHint')}
        checked={shown.newsletter}
        disabled={set.isPending}
        onChange={(e) => set.mutate({ ...optIns, newsletter: e.currentTarget.checked })}
      />
      <Switch
        label={t('account.optIns.directory')}
        description={t('account.optIns.directoryHint')}
        checked={shown.directory}
        disabled={set.isPending}
        onChange={(e) => set.mutate({ ...optIns, directory: e.currentTarget.checked })}
      />
      {set.isSuccess && (
        <Text role="status" size="sm" c="green.9">
          {t('account.optIns.saved')}
        </Text>
      )}
    </Stack>
  );
}
