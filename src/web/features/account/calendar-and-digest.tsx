import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarFeed, DigestPreference } from '../../../shared/group.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { apiSend } from '../../lib/api-client.ts';

/**
 * A private iCalendar link to all my meetings. The server keeps only a hash
 * of it, so a link is shown once, when made; making a new one ends the old.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const create = useMutation({ mutationFn: () => apiSend('POST', '/api/me/calendar-feed', undefined, CalendarFeed) });
  const revoke = useMutation({ mutationFn: () => apiSend('DELETE', '/api/me/calendar-feed') });

  return (
    <Stack gap="sm">
      <Text>{t('account.calendar.intro')}</Text>
      <ProblemAlert error={create.error ?? revoke.error} />
      {revoked && (
        <Alert color="green" variant="light" role="status">
          {t('account.calendar.revoked')}
        </Alert>
      )}
      {url && (
        <Group align="flex-end" gap="sm">
          <TextInput label={t('account.calendar.link')} description={t('account.calendar.linkHint')} value={url} readOnly style={{ flex: 1, minWidth: 260 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('account.calendar.copied') : t('account.calendar.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      <Group gap="sm">
        <Button
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (feed) => {
                setRevoked(false);
                setUrl(feed.url);
              },
            })
          }
          loading={create.isPending}
        >
          {url ? t('account.calendar.renew') : t('account.calendar.create')}
        </Button>
        <Button variant="outline" color="red.9" onClick={() => setConfirmRevoke(true)}>
          {t('account.calendar.revoke')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmRevoke}
        title={t('account.calendar.revokeTitle')}
        message={t('account.calendar.revokeMessage')}
        confirmLabel={t('account.calendar.revokeConfirm')}
        busy={revoke.isPending}
        onCancel={() => setConfirmRevoke(false)}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setUrl(null);
              setRevoked(true);
            },
            onSettled: () => setConfirmRevoke(false),
          })
        }
      />
    </Stack>
  );
}

/**
 * The daily digest of new posts in my groups. The API offers no way to read
 * the current choice, so the card offers both and confirms the one made.
 */
export function DigestCard() {
  const { t } = useTranslation();
  const set = useMutation({ mutationFn: (enabled: boolean) => apiSend('PUT', '/api/me/digest', { enabled }, DigestPreference) });
  return (
    <Stack gap="sm">
      <Text>{t('account.digest.intro')}</Text>
      <ProblemAlert error={set.error} />
      {set.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {set.data.enabled ? t('account.digest.on') : t('account.digest.off')}
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="default" onClick={() => set.mutate(true)} loading={set.isPending && set.variables}>
          {t('account.digest.enable')}
        </Button>
        <Button variant="default" onClick={() => set.mutate(false)} loading={set.isPending && !set.variables}>
          {t('account.digest.disable')}
        </Button>
      </Group>
    </Stack>
  );
}
