import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MySession } from '../../../shared/sessions.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useEndOtherSessions, useEndSession, useMySessions } from './account.api.ts';

/** Where I am signed in, this device first; each other session can be ended, or all at once (decision 0026). */
export function MySessionsCard() {
  const { t, i18n } = useTranslation();
  const sessions = useMySessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const [ending, setEnding] = useState<MySession | 'others' | null>(null);

  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError) return <ProblemAlert error={sessions.error} />;
  const current = sessions.data.items.filter((s) => s.current);
  const others = sessions.data.items.filter((s) => !s.current);
  const confirm = () => {
    if (ending === 'others') endOthers.mutate(undefined, { onSuccess: () => setEnding(null) });
    else if (ending) end.mutate(ending.id, { onSuccess: () => setEnding(null) });
  };

  return (
    <Stack gap="md" maw={640}>
      <Text size="sm" c="dimmed">
        {t('account.sessions.intro')}
      </Text>
      <ProblemAlert error={end.error ?? endOthers.error} />
      <Stack gap="sm" component="ul" aria-label={t('account.sessions.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[...current, ...others].map((s) => (
          <Paper component="li" key={s.id} withBorder p="md" radius="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{s.device ?? t('account.sessions.unknownDevice')}</Text>
                  {s.current && (
                    <Badge variant="light" color="green">
                      {t('account.sessions.thisDevice')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  {t('account.sessions.when', { signedIn: formatDateTime(s.signedInAt, i18n.language), lastUsed: formatDateTime(s.lastUsedAt, i18n.language) })}
                </Text>
                {s.ip && (
                  <Text size="sm" c="dimmed">
                    {t('account.sessions.address', { ip: s.ip })}
                  </Text>
                )}
              </Stack>
              {!s.current && (
                <Button variant="default" color="red" onClick={() => setEnding(s)} aria-label={t('account.sessions.endLabel', { device: s.device ?? t('account.sessions.unknownDevice') })}>
                  {t('account.sessions.end')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {others.length === 0 ? (
        <EmptyState title={t('account.sessions.noOthers')} description={t('account.sessions.noOthersHint')} />
      ) : (
        <Group>
          <Button variant="default" color="red" onClick={() => setEnding('others')}>
            {t('account.sessions.endOthers')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={ending !== null}
        title={ending === 'others' ? t('account.sessions.endOthersTitle') : t('account.sessions.endTitle')}
        message={ending === 'others' ? t('account.sessions.endOthersMessage', { count: others.length }) : t('account.sessions.endMessage')}
        confirmLabel={ending === 'others' ? t('account.sessions.endOthers') : t('account.sessions.end')}
        busy={end.isPending || endOthers.isPending}
        onConfirm={confirm}
        onCancel={() => setEnding(null)}
      />
    </Stack>
  );
}
