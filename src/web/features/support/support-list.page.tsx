import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFiltersInAddress } from '../../lib/filters-in-address.ts';
import { useTranslation } from 'react-i18next';
import { hasRole, representedCities } from '../../../shared/role-predicates.ts';
import { SupportState, type SupportRequestSummary } from '../../../shared/support.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { dayInWords, OverdueBadge, StateBadge } from './support-format.tsx';
import { useSupportRequests, type SupportScope } from './support.api.ts';
import '../../locales/lazy/support.strings.ts';

/** The scopes a person has: their cities' requests, those assigned to them, every request (managers). */
export function scopesOf(user: ReturnType<typeof useCurrentUser>): SupportScope[] {
  const scopes: SupportScope[] = [];
  if (representedCities(user).length > 0) scopes.push('mine');
  if (hasRole(user, 'expert')) scopes.push('assigned');
  if (hasRole(user, 'programme_manager')) scopes.push('all');
  return scopes;
}

const parseState = (value: string | null) => SupportState.safeParse(value).data ?? null;

/** /support: the requests the person may see, by scope, state and "overdue", a page at a time. */
export function SupportListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const scopes = scopesOf(user);
  const { params, page, update: set } = useFiltersInAddress({ replace: true });
  const asked = params.get('scope');
  const scope: SupportScope = scopes.find((s) => s === asked) ?? scopes[0] ?? 'mine';
  const state = parseState(params.get('state'));
  const overdue = params.get('overdue') === 'true';
  const list = useSupportRequests({ scope, state, overdue, page });
  const isCity = scopes.includes('mine');
  const filtered = state !== null || overdue;


  const askButton = isCity && (
    <Button component={Link} to="/support/new">
      {t('support.ask')}
    </Button>
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageTitle>{t('support.title')}</PageTitle>
        <Group gap="sm">
          {scopes.includes('all') && (
            <Button component={Link} to="/support/dashboard" variant="default">
              {t('support.dashboard.link')}
            </Button>
          )}
          {askButton}
        </Group>
      </Group>
      <Text>{t('support.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        {scopes.length > 1 && (
          <Group gap={4} role="group" aria-label={t('support.scopeLabel')}>
            {scopes.map((s) => (
              <Button key={s} variant={s === scope ? 'filled' : 'default'} aria-pressed={s === scope} onClick={() => set({ scope: s })}>
                {t(`support.scopes.${s}`)}
              </Button>
            ))}
          </Group>
        )}
        <NativeSelect
          label={t('support.stateFilter')}
          value={state ?? ''}
          onChange={(e) => set({ state: e.currentTarget.value })}
          data={[{ value: '', label: t('support.anyState') }, ...SupportState.options.map((s) => ({ value: s, label: t(`support.states.${s}`) }))]}
          w={220}
        />
        <Checkbox label={t('support.overdueOnly')} checked={overdue} onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : null })} mb={8} />
      </Group>
      {list.isPending && <LoadingState />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && list.data.items.length === 0 &&
        (filtered ? (
          <EmptyState title={t('support.empty.filtered')} description={t('support.empty.filteredHint')} />
        ) : scope === 'mine' ? (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="sm" align="flex-start">
              <Text fw={600}>{t('support.empty.mine')}</Text>
              <Text c="dimmed" size="sm">
                {t('support.empty.mineHint')}
              </Text>
              {askButton}
            </Stack>
          </Paper>
        ) : (
          <EmptyState title={t(`support.empty.${scope}`)} {...(scope === 'assigned' ? { description: t('support.empty.assignedHint') } : {})} />
        ))}
      {list.data && list.data.items.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('support.listLabel')}>
          {list.data.items.map((r) => (
            <RequestRow key={r.id} r={r} />
          ))}
        </Stack>
      )}
      {list.data && list.data.total > 0 && <PaginationBar page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => set({ page: String(p) })} label={t('support.pages')} />}
    </Stack>
  );
}

function RequestRow({ r }: { r: SupportRequestSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      data-testid="support-row"
      style={r.overdue ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <RouterAnchor to={`/support/${r.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {r.title}
          </RouterAnchor>
          <Text size="sm" c="dark.6">
            {t('support.cityAndKind', { city: r.city.name, kind: t(`support.kinds.${r.kind}`) })}
          </Text>
          <Text size="sm" c="dark.6">
            {r.expert ? t('support.expertLine', { name: r.expert.name }) : t('support.noExpert')}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Group gap={6}>
            {r.urgency === 'urgent' && (
              <Text size="xs" fw={700} c="dark.8">
                {t('support.urgentBadge')}
              </Text>
            )}
            <StateBadge state={r.state} />
            {r.overdue && <OverdueBadge />}
          </Group>
          <Text size="sm" c={r.overdue ? 'red.9' : 'dark.6'} fw={r.overdue ? 600 : 400}>
            {r.firstAnsweredAt ? t('support.answeredOn', { date: dayInWords(r.firstAnsweredAt, i18n.language) }) : t('support.due', { date: dayInWords(r.firstAnswerDueAt, i18n.language) })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
