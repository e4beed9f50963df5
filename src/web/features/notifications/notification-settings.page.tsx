import '../../locales/lazy/notifications-pages.strings.ts';
import { Alert, Box, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERIES, NOTIFICATION_KINDS, DEFAULT_DELIVERY, type Delivery, type NotificationKind } from '../../../shared/notification.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useNotificationPreferences, useUpdateNotificationPreferences } from './notifications.api.ts';

type Choices = Record<NotificationKind, Delivery>;

/** /account/notifications: per kind, email at once, in the daily digest, or only under the bell. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const current = useNotificationPreferences();
  const save = useUpdateNotificationPreferences();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (current.data && choices === null) setChoices(Object.fromEntries(current.data.items.map((p) => [p.kind, p.delivery])) as Choices);
  }, [current.data, choices]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!choices) return;
    setSaved(false);
    save.mutate({ preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: choices[kind] })) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <Stack gap="md">
      <PageTitle>{t('notificationsPages.preferences.title')}</PageTitle>
      <Text>{t('notificationsPages.preferences.intro')}</Text>
      <Group gap="lg">
        <RouterAnchor to="/notifications">{t('notificationsPages.preferences.back')}</RouterAnchor>
        <RouterAnchor to="/account">{t('notificationsPages.preferences.account')}</RouterAnchor>
      </Group>
      <ProblemAlert error={current.error ?? save.error} />
      {current.isPending && <LoadingState />}
      {choices && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {NOTIFICATION_KINDS.map((kind) => (
              <Paper key={kind} withBorder p="md" radius="md">
                <Radio.Group
                  name={`delivery-${kind}`}
                  label={t(`notificationsPages.kinds.${kind}`)}
                  value={choices[kind]}
                  onChange={(value) => {
                    setSaved(false);
                    setChoices({ ...choices, [kind]: value as Delivery });
                  }}
                >
                  <Group mt="xs" gap="lg" wrap="wrap">
                    {DELIVERIES.map((delivery) => (
                      <Radio
                        key={delivery}
                        value={delivery}
                        label={
                          DEFAULT_DELIVERY[kind] === delivery
                            ? `${t(`notificationsPages.delivery.${delivery}`)} ${t('notificationsPages.preferences.default')}`
                            : t(`notificationsPages.delivery.${delivery}`)
                        }
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </Paper>
            ))}
            <Box aria-live="polite">
              {saved && (
                <Alert color="green" variant="light" role="status">
                  {t('notificationsPages.preferences.saved')}
                </Alert>
              )}
            </Box>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('notificationsPages.preferences.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
