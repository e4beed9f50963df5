import '../../locales/lazy/notifications-pages.strings.ts';
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationItem } from '../../../shared/notification.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './notifications.api.ts';

/** /notifications: what happened to me, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useNotifications(page, onlyUnread);
  const unread = useUnreadCount(true);
  const markAll = useMarkAllRead();
  const markRead = useMarkRead();
  const [marked, setMarked] = useState<number | null>(null);
  const unreadCount = unread.data?.count ?? 0;

  return (
    <Stack gap="md">
      <PageTitle>{t('notifications.title')}</PageTitle>
      <Text>{t('notificationsPages.list.intro')}</Text>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Checkbox
          label={t('notificationsPages.list.onlyUnread')}
          checked={onlyUnread}
          onChange={(e) => {
            setOnlyUnread(e.currentTarget.checked);
            setPage(1);
          }}
        />
        <Group gap="sm" wrap="wrap">
          <RouterAnchor to="/account/notifications">{t('notificationsPages.list.settings')}</RouterAnchor>
          <Button
            variant="default"
            disabled={unreadCount === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onSuccess: (r) => setMarked(r.marked) })}
          >
            {t('notificationsPages.list.markAll')}
          </Button>
        </Group>
      </Group>
      <Box aria-live="polite">
        {marked !== null && (
          <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMarked(null)}>
            {t('notificationsPages.list.markedAll', { count: marked })}
          </Alert>
        )}
      </Box>
      <ProblemAlert error={list.error ?? markAll.error ?? markRead.error} />
      {list.isPending && <LoadingState />}
      {list.data && list.data.items.length === 0 && (
        <EmptyState
          title={onlyUnread ? t('notificationsPages.list.emptyUnread') : t('notificationsPages.list.empty')}
          description={onlyUnread ? t('notificationsPages.list.emptyUnreadHint') : t('notificationsPages.list.emptyHint')}
        />
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Stack component="ul" gap="xs" aria-label={t('notificationsPages.list.listLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data.items.map((n) => (
              <NotificationRow key={n.id} item={n} onOpen={() => !n.read && markRead.mutate(n.id)} onMarkRead={() => markRead.mutate(n.id)} />
            ))}
          </Stack>
          <PaginationBar page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} label={t('notificationsPages.list.pages')} />
        </>
      )}
    </Stack>
  );
}

function NotificationRow({ item, onOpen, onMarkRead }: { item: NotificationItem; onOpen: () => void; onMarkRead: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-unread={!item.read || undefined}
      style={item.read ? undefined : { borderLeft: '4px solid var(--mantine-color-blue-8)', background: 'var(--mantine-color-blue-0)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            {!item.read && (
              <Badge color="blue.9" variant="filled" size="sm">
                {t('notificationsPages.list.unread')}
              </Badge>
            )}
            <Text size="sm" c="gray.8">
              {t(`notificationsPages.kindShort.${item.kind}`)} · {formatDateTime(item.createdAt, i18n.language)}
            </Text>
          </Group>
          <Anchor component={Link} to={item.link} onClick={onOpen} fw={item.read ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Anchor>
          {item.body && (
            <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
              {item.body}
            </Text>
          )}
        </Stack>
        {!item.read && (
          <Button variant="subtle" size="compact-sm" onClick={onMarkRead} aria-label={t('notificationsPages.list.markReadOf', { title: item.title })}>
            {t('notificationsPages.list.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
