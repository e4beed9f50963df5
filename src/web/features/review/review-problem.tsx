import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { useProblemMessage } from '../../lib/problem-message.ts';
import { reasonText } from '../../lib/reason-text.ts';
import '../../locales/lazy/review.strings.ts';

/**
 * A failed request, with the server's reasons underneath: for evaluation and
 * selection the reason (“3 hosts are selected but the programme takes 2…”)
 * is what the manager needs to act on.
 */
export function ReviewProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const messageOf = useProblemMessage();
  if (!error) return null;
  const refusal = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.code !== 'VALIDATION_FAILED' && error.reason ? error : null;
  // A refusal may list its reasons (what blocks publishing) after the summary one.
  const detail = refusal?.reason ? [refusal.reason, ...refusal.fieldErrors.flatMap((e) => (e.reason ? [e.reason] : []))].map(reasonText).join(' ') : null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" mb="md">
      <Text size="sm">{refusal ? t(`errors.codes.${refusal.code}`) : messageOf(error)}</Text>
      {detail && (
        <Text size="sm" mt="xs">
          {t('review.serverSays', { detail })}
        </Text>
      )}
    </Alert>
  );
}

export const callKindKey = (kind: 'host' | 'visitor'): 'review.callKind.host' | 'review.callKind.visitor' => (kind === 'host' ? 'review.callKind.host' : 'review.callKind.visitor');

/** The step of the programme by whose end the applications of a call are evaluated and decided. */
export const selectionStepOf = (kind: 'host' | 'visitor') => (kind === 'host' ? 'host_selection' : 'visitor_selection');

/** Spreads of this many points (of 100) or more between evaluators deserve a look. */
export const LARGE_SPREAD = 20;

/** Mantine's orange titles fail WCAG AA contrast on the light background; the title takes the text colour. */
export const warningAlertProps = { color: 'orange', variant: 'light', styles: { title: { color: 'var(--mantine-color-dark-8)' } } } as const;
