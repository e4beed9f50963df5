import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A visible and announced "loading" placeholder. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="sm" py="md">
      <Loader size="sm" aria-hidden />
      <Text>{label ?? t('common.loading')}</Text>
    </Group>
  );
}
