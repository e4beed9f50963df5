import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { useProblemMessage } from '../../lib/problem-message.ts';

/**
 * Like ProblemAlert, and for conflicts and refusals it adds the server's own
 * explanation ("Give every visit its dates first (Valencia)"), which says
 * what to do next better than a generic sentence can.
 */
export function VisitProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const messageOf = useProblemMessage();
  if (!error) return null;
  const detail = error instanceof ApiError && ['CONFLICT', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code) ? error.detail : null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" mb="md">
      <Text size="sm">{messageOf(error)}</Text>
      {detail && (
        <Text size="sm" mt="xs">
          {detail}
        </Text>
      )}
    </Alert>
  );
}
