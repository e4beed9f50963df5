import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome, Programme } from '../../../shared/programme.schemas.ts';
import { ActionDialog, ActionDone } from './action-dialog.tsx';
import { useTimelineAction, type ActionTarget } from './programmes.api.ts';

type ProgrammeAction = 'publish' | 'advance';

/**
 * A programme manager's actions on the whole programme: publish the draft,
 * or move to the next step now; each after a dialog with the server's preview.
 */
export function ProgrammeActions({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ProgrammeAction | null>(null);
  const [done, setDone] = useState<{ action: ProgrammeAction; outcome: ActionOutcome } | null>(null);
  const draft = p.publishedAt === null;
  const action: ProgrammeAction | null = draft ? 'publish' : p.next ? 'advance' : null;
  const step = p.next ? t(`programmes.milestones.${p.next}`) : '';

  return (
    <Stack gap="sm">
      {draft && (
        <Alert color="orange" variant="light" c="dark.9" title={t('programmes.actions.draftTitle')}>
          <Text size="sm">{t('programmes.actions.draftBody')}</Text>
        </Alert>
      )}
      <ActionDone title={done ? t(`programmes.actions.${done.action}.done`) : ''} outcome={done?.outcome ?? null} />
      {action && (
        <Group>
          <Button onClick={() => setDialog(action)}>{action === 'publish' ? t('programmes.actions.publish.button') : t('programmes.actions.advance.button', { step })}</Button>
        </Group>
      )}
      {dialog && (
        <ProgrammeActionDialog
          programme={p}
          action={dialog}
          step={step}
          onCancel={() => setDialog(null)}
          onDone={(outcome) => {
            setDialog(null);
            setDone({ action: dialog, outcome });
          }}
        />
      )}
    </Stack>
  );
}

function ProgrammeActionDialog({ programme: p, action, step, onCancel, onDone }: { programme: Programme; action: ProgrammeAction; step: string; onCancel: () => void; onDone: (outcome: ActionOutcome) => void }) {
  const { t } = useTranslation();
  const target: ActionTarget = { slug: p.slug, action };
  const run = useTimelineAction(target);
  return (
    <ActionDialog
      target={target}
      opened
      title={action === 'publish' ? t('programmes.actions.publish.title', { programme: p.title }) : t('programmes.actions.advance.title', { step })}
      message={t(`programmes.actions.${action}.message`)}
      confirmLabel={t(`programmes.actions.${action}.confirm`)}
      query={{}}
      busy={run.isPending}
      error={run.error}
      onConfirm={() => run.mutate({ version: p.version }, { onSuccess: onDone })}
      onCancel={onCancel}
    />
  );
}
