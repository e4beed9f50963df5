import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { useFiltersInAddress } from '../../lib/filters-in-address.ts';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../shared/exchange.schemas.ts';
import { hasRole, representedCities } from '../../../shared/role-predicates.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { aboutLine, listOf, partyName, unreadLabel } from './exchange-format.ts';
import { useBlock, useBlocks, useInbox } from './exchange.api.ts';
import '../../locales/lazy/exchange.strings.ts';

/**
 * The city's inbox: every representative of the city sees its
 * conversations, each with their own unread marker; the archive; search.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cities = representedCities(user);
  const { params, page, update: set } = useFiltersInAddress({ replace: true });
  const archived = params.get('view') === 'archive';
  const cityId = params.get('city') ?? cities[0]?.id;
  const q = params.get('q') ?? '';
  const [search] = useDebouncedValue(q, 300);
  const inbox = useInbox({ cityId, archived, q: search.trim().length >= 2 ? search.trim() : '', page });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageTitle>{t('exchange.title')}</PageTitle>
        <Button component={Link} to={cityId ? `/messages/new?from=${cityId}` : '/messages/new'}>
          {t('exchange.newConversation')}
        </Button>
      </Group>
      <Text>{cities.length ? t('exchange.inboxIntroCity') : t('exchange.inboxIntroOther')}</Text>
      {hasRole(user, 'programme_manager') && (
        <Text size="sm">
          <RouterAnchor to="/admin/message-reports">{t('exchange.reports.title')}</RouterAnchor>
        </Text>
      )}
      <Group align="flex-end" wrap="wrap">
        {cities.length > 1 && (
          <Select
            label={t('exchange.cityInbox')}
            data={cities.map((c) => ({ value: c.id, label: c.name }))}
            value={cityId ?? null}
            onChange={(v) => set({ city: v })}
            allowDeselect={false}
            w={220}
          />
        )}
        <TextInput label={t('exchange.search')} description={t('exchange.searchHint')} value={q} onChange={(e) => set({ q: e.currentTarget.value })} type="search" w={{ base: '100%', sm: 320 }} />
        <Group gap={4} role="group" aria-label={t('exchange.viewLabel')}>
          {(['inbox', 'archive'] as const).map((view) => (
            <Button key={view} variant={(view === 'archive') === archived ? 'filled' : 'default'} aria-pressed={(view === 'archive') === archived} onClick={() => set({ view: view === 'archive' ? 'archive' : null })}>
              {t(`exchange.${view}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {inbox.isPending && <LoadingState />}
      {inbox.isError && <ProblemAlert error={inbox.error} />}
      {inbox.data && inbox.data.items.length === 0 && (
        <EmptyState
          title={q ? t('exchange.emptySearch') : archived ? t('exchange.emptyArchive') : t('exchange.emptyInbox')}
          description={q || archived ? undefined : t('exchange.emptyInboxHint')}
        />
      )}
      {inbox.data && inbox.data.items.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={archived ? t('exchange.archive') : t('exchange.inbox')}>
          {inbox.data.items.map((c) => (
            <ConversationRow key={c.id} c={c} />
          ))}
        </Stack>
      )}
      {inbox.data && <PaginationBar page={page} pageSize={inbox.data.pageSize} total={inbox.data.total} onChange={(p) => set({ page: String(p) })} label={t('exchange.pages')} />}
      {cityId && <BlockedCities cityId={cityId} />}
    </Stack>
  );
}

/** The cities this city takes no new conversations from, each with a way back. */
function BlockedCities({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const blocks = useBlocks(cityId);
  const unblock = useBlock(cityId);
  if (!blocks.data?.items.length) return null;
  return (
    <section aria-labelledby="blocked-heading">
      <Title order={2} size="h4" id="blocked-heading" mt="lg">
        {t('exchange.blockedTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('exchange.blockedIntro')}
      </Text>
      <ProblemAlert error={unblock.error} />
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {blocks.data.items.map((b) => (
          <Group component="li" key={b.blockedCityId} gap="sm">
            <Text>{b.blockedCityName}</Text>
            <Button size="xs" variant="default" onClick={() => unblock.mutate({ blockedCityId: b.blockedCityId, blocked: false })} loading={unblock.isPending}>
              {t('exchange.unblock', { city: b.blockedCityName })}
            </Button>
          </Group>
        ))}
      </Stack>
    </section>
  );
}

function ConversationRow({ c }: { c: ConversationSummary }) {
  const { t, i18n } = useTranslation();
  const unread = c.unread > 0;
  const others = listOf(c.others.map((p) => partyName(t, p)), i18n.language);
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="conversation-row" style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-8)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {t('exchange.with', { parties: others })}
          </Text>
          <RouterAnchor to={`/messages/${c.id}`} fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
            {c.subject}
          </RouterAnchor>
          <Text size="sm" c="dark.6">
            {aboutLine(t, c.about)}
          </Text>
          {c.lastMessage && (
            <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {c.lastMessage.hidden ? t('exchange.hiddenShort') : `${c.lastMessage.author ?? t('exchange.formerParticipant')}: ${c.lastMessage.excerpt}`}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="xs" c="dark.6">
            {formatDateTime(c.lastMessageAt, i18n.language)}
          </Text>
          {unread && (
            <Badge color="blue.9" variant="filled" data-testid="unread-badge">
              {t('exchange.unread', { label: unreadLabel(c.unread) })}
            </Badge>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
