import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import '../../locales/lazy/support.strings.ts';

/** A refusal because the request changed since it was loaded (409): say so and offer to reload; other refusals as usual. */
export function RequestProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409) {
    return (
      <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('support.detail.conflict')}</Text>
          <Button size="xs" variant="default" onClick={onReload}>
            {t('support.detail.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
