import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../lib/use-api-form.ts';
import { formatClock } from '../lib/format.ts';
import { useProblemMessage } from '../lib/problem-message.ts';

/** The quiet line under a form that saves its draft by itself: "Saving…", "Draft saved at 14:32", or why it could not. */
export function AutosaveStatus({ state }: { state: AutosaveState }) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const text =
    state.status === 'saving'
      ? t('autosave.saving')
      : state.status === 'saved'
        ? t('autosave.saved', { time: formatClock(state.at, i18n.language) })
        : state.status === 'failed'
          ? t('autosave.failed', { reason: problemMessage(state.error) })
          : '';
  // Always in the page, so that what it says is announced (politely: never interrupting the typing).
  return (
    <Text size="sm" c={state.status === 'failed' ? 'red.9' : 'dimmed'} role="status" aria-live="polite" mih="1.5em">
      {text}
    </Text>
  );
}
