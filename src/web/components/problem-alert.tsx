import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { useProblemMessage } from '../lib/problem-message.ts';

interface ProblemAlertProps {
  error: unknown;
  /** A clearer message for a code in this context (e.g. INVALID_CREDENTIALS on the sign-in page). */
  messages?: Partial<Record<ApiError['code'], string>>;
}

/** Says what went wrong with a request, in the person's language; renders nothing without an error. */
export function ProblemAlert({ error, messages }: ProblemAlertProps) {
  const { t } = useTranslation();
  const messageOf = useProblemMessage();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'UNEXPECTED_RESPONSE';
  // The server's reason (when to try again, what is wrong) is in messageOf; its English `detail` is for API clients.
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" mb="md">
      <Text size="sm">{messages?.[code] ?? messageOf(error)}</Text>
    </Alert>
  );
}
