import { Alert, List, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/programme.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { reasonText } from '../../lib/reason-text.ts';
import { useActionPreview, type ActionTarget } from './programmes.api.ts';

interface ActionDialogProps {
  target: ActionTarget;
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** The preview's parameters; null while the fields above it are incomplete. */
  query: Record<string, string> | null;
  busy: boolean;
  /** The action's refusal, if it was tried and refused. */
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** The action's parameters (a deadline, a city, a reason), above what will happen. */
  children?: ReactNode;
}

/**
 * Asks before a timeline action and says exactly what it will do: the
 * server's preview (effects as reasons, translated), or why it may not be
 * done, in which case it cannot be confirmed.
 */
export function ActionDialog({ target, opened, title, message, confirmLabel, query, busy, error, onConfirm, onCancel, children }: ActionDialogProps) {
  const { t } = useTranslation();
  const preview = useActionPreview(target, query, opened);
  const headingId = useId();
  const allowed = preview.data?.allowed === true;
  return (
    <ConfirmDialog opened={opened} title={title} message={message} confirmLabel={confirmLabel} busy={busy} confirmDisabled={!allowed} onConfirm={onConfirm} onCancel={onCancel}>
      {children}
      <section aria-live="polite" aria-labelledby={headingId}>
        <Title order={3} size="h5" id={headingId} mt="md" mb="xs">
          {t('programmes.actions.previewTitle')}
        </Title>
        {query === null && <Text size="sm">{t('programmes.actions.previewNeedsFields')}</Text>}
        {query !== null && preview.isPending && <LoadingState />}
        <ProblemAlert error={preview.error} />
        {preview.data && !preview.data.allowed && preview.data.refusal && (
          <Alert color="orange" variant="light" c="dark.9" title={t('programmes.actions.refusedTitle')}>
            {reasonText(preview.data.refusal)}
          </Alert>
        )}
        {preview.data?.allowed && <Effects effects={preview.data.effects} />}
      </section>
      <ProblemAlert error={error} />
    </ConfirmDialog>
  );
}

function Effects({ effects }: { effects: Reason[] }) {
  return (
    <List size="sm" spacing={4}>
      {effects.map((effect, i) => (
        <List.Item key={`${effect.code}-${i}`}>{reasonText(effect)}</List.Item>
      ))}
    </List>
  );
}

/** What an action did, announced where its button was. */
export function ActionDone({ title, outcome }: { title: string; outcome: ActionOutcome | null }) {
  if (!outcome) return null;
  return (
    <Alert color="green" variant="light" role="status" title={title} c="dark.9" mb="sm">
      <Effects effects={outcome.effects} />
    </Alert>
  );
}
