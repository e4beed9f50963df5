import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { useProblemMessage } from '../../lib/problem-message.ts';
import { reasonText } from '../../lib/reason-text.ts';
import '../../locales/lazy/visits.strings.ts';

/**
 * Like ProblemAlert, and for conflicts and refusals it adds the server's
 * reason ("Give every visit its dates first (Valencia)") under the code's
 * sentence, which says what to do next better than a generic sentence can.
 */
export function VisitProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const messageOf = useProblemMessage();
  if (!error) return null;
  const refusal = error instanceof ApiError && ['CONFLICT', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code) && error.reason ? error : null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" mb="md">
      <Text size="sm">{refusal ? t(`errors.codes.${refusal.code}`) : messageOf(error)}</Text>
      {refusal?.reason && (
        <Text size="sm" mt="xs">
          {reasonText(refusal.reason)}
        </Text>
      )}
    </Alert>
  );
}
