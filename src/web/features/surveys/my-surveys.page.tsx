import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MySurveyItem } from '../../../shared/survey.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { hasRole } from '../../../shared/role-predicates.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { MyStatusBadge, surveyDay } from './survey-format.tsx';
import { useMySurveys } from './surveys.api.ts';
import '../../locales/lazy/surveys.strings.ts';

/** The address of one survey to answer (per-city surveys name the city: a person may represent several). */
export const answerPath = (item: Pick<MySurveyItem, 'id' | 'city'>) => `/surveys/${item.id}/answer${item.city ? `?cityId=${encodeURIComponent(item.city.id)}` : ''}`;

/** /surveys: the surveys I (or my city) was asked to answer, open ones first. */
export function MySurveysPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useMySurveys();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageTitle>{t('surveys.mine.title')}</PageTitle>
        {hasRole(user, 'programme_manager') && (
          <Button component={Link} to="/surveys/manage" variant="default">
            {t('surveys.manage.title')}
          </Button>
        )}
      </Group>
      <Text>{t('surveys.mine.intro')}</Text>
      {list.isPending && <LoadingState />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <EmptyState title={t('surveys.mine.empty')} description={t('surveys.mine.emptyHint')} />}
      {list.data && list.data.items.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('surveys.mine.listLabel')}>
          {list.data.items.map((item) => (
            <MySurveyRow key={`${item.id}-${item.city?.id ?? ''}`} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MySurveyRow({ item }: { item: MySurveyItem }) {
  const { t, i18n } = useTranslation();
  const open = item.status === 'not-started' || item.status === 'draft';
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="my-survey-row">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <RouterAnchor to={answerPath(item)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </RouterAnchor>
          {item.city && (
            <Text size="sm" c="dark.6">
              {t('surveys.mine.forCity', { city: item.city.name })}
            </Text>
          )}
          {item.anonymous && (
            <Text size="sm" c="dark.6">
              {t('surveys.mine.anonymous')}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <MyStatusBadge status={item.status} />
          {open && (
            <Text size="sm" c="dark.6">
              {t('surveys.mine.closesOn', { date: surveyDay(item.closesOn, i18n.language) })}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
