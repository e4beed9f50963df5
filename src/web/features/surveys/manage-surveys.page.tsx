import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SurveyState, type SurveySummary } from '../../../shared/survey.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useFiltersInAddress } from '../../lib/filters-in-address.ts';
import { SurveyStateBadge, surveyDay } from './survey-format.tsx';
import { useSurveys } from './surveys.api.ts';
import '../../locales/lazy/surveys.strings.ts';

const parseState = (value: string | null) => SurveyState.safeParse(value).data ?? null;

/** /surveys/manage: every survey of the programme team, by state, a page at a time. */
export function ManageSurveysPage() {
  const { t } = useTranslation();
  const { params, page, update: set } = useFiltersInAddress({ replace: true });
  const state = parseState(params.get('state'));
  const list = useSurveys(state, page);
  const newButton = (
    <Button component={Link} to="/surveys/new">
      {t('surveys.manage.new')}
    </Button>
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageTitle>{t('surveys.manage.title')}</PageTitle>
        <Group gap="sm">
          <Button component={Link} to="/surveys" variant="default">
            {t('surveys.mine.title')}
          </Button>
          {newButton}
        </Group>
      </Group>
      <Text>{t('surveys.manage.intro')}</Text>
      <NativeSelect
        label={t('surveys.manage.stateFilter')}
        value={state ?? ''}
        onChange={(e) => set({ state: e.currentTarget.value })}
        data={[{ value: '', label: t('surveys.manage.anyState') }, ...SurveyState.options.map((s) => ({ value: s, label: t(`surveys.states.${s}`) }))]}
        w={220}
      />
      {list.isPending && <LoadingState />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && list.data.items.length === 0 &&
        (state !== null ? (
          <EmptyState title={t('surveys.manage.emptyFiltered')} description={t('surveys.manage.emptyFilteredHint')} />
        ) : (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="sm" align="flex-start">
              <Text fw={600}>{t('surveys.manage.empty')}</Text>
              <Text c="dimmed" size="sm">
                {t('surveys.manage.emptyHint')}
              </Text>
              {newButton}
            </Stack>
          </Paper>
        ))}
      {list.data && list.data.items.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('surveys.manage.listLabel')}>
          {list.data.items.map((s) => (
            <SurveyRow key={s.id} s={s} />
          ))}
        </Stack>
      )}
      {list.data && list.data.total > 0 && <PaginationBar page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => set({ page: String(p) })} label={t('surveys.manage.pages')} />}
    </Stack>
  );
}

function SurveyRow({ s }: { s: SurveySummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="survey-row">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <RouterAnchor to={`/surveys/${s.id}/edit`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {s.title}
          </RouterAnchor>
          <Text size="sm" c="dark.6">
            {t('surveys.manage.window', { from: surveyDay(s.opensOn, i18n.language), to: surveyDay(s.closesOn, i18n.language) })}
          </Text>
          <Text size="sm" c="dark.6">
            {t(`surveys.audience.kinds.${s.audience.kind}`)} · {t(`surveys.settings.respondents.${s.respondent}`)}
            {s.anonymous ? ` · ${t('surveys.settings.anonymousShort')}` : ''}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <SurveyStateBadge state={s.state} />
          {s.state !== 'draft' && (
            <Text size="sm" c="dark.6">
              {t('surveys.manage.responses', { responses: s.responses, invited: s.invited })}
            </Text>
          )}
          {s.state !== 'draft' && (
            <RouterAnchor to={`/surveys/${s.id}/results`} size="sm">
              {t('surveys.manage.results')}
            </RouterAnchor>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
