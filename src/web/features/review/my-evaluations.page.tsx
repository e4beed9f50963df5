import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Programme } from '../../../shared/programme.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { callKindKey, selectionStepOf } from './review-problem.tsx';
import { reviewKeys, useMyAssignments, type MyAssignment } from './review.api.ts';
import { EvaluationStatusBadge } from './evaluation-status-badge.tsx';
import { useLocation } from 'react-router';
import { ColumnHeads } from '../../components/column-heads.tsx';
import '../../locales/lazy/review.strings.ts';

interface CallGroup {
  key: string;
  programmeSlug: string;
  programmeTitle: string;
  callKind: MyAssignment['callKind'];
  items: MyAssignment[];
}

function groupByCall(items: MyAssignment[]): CallGroup[] {
  const groups = new Map<string, CallGroup>();
  for (const item of items) {
    const key = `${item.programmeSlug}/${item.callKind}`;
    const group = groups.get(key) ?? { key, programmeSlug: item.programmeSlug, programmeTitle: item.programmeTitle, callKind: item.callKind, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** /evaluations: the applications assigned to me, per programme and call, with status and deadline. */
export function MyEvaluationsPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const mine = useMyAssignments();
  const groups = mine.data ? groupByCall(mine.data.items) : [];
  const slugs = [...new Set(groups.map((g) => g.programmeSlug))];
  // The deadline is the end of the programme's selection step for the call.
  const programmes = useQueries({
    queries: slugs.map((slug) => ({ queryKey: reviewKeys.programme(slug), queryFn: ({ signal }: { signal: AbortSignal }) => apiGet(`/api/programmes/${encodeURIComponent(slug)}`, Programme, signal) })),
  });
  const deadlineOf = (group: CallGroup) => {
    const programme = programmes.find((p) => p.data?.slug === group.programmeSlug)?.data;
    return programme?.steps.find((s) => s.kind === selectionStepOf(group.callKind))?.endsAt ?? null;
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t('review.mine.title')}</PageTitle>
      <Text>{t('review.mine.intro')}</Text>
      {notice && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      {mine.isPending && <LoadingState />}
      {mine.isError && <ProblemAlert error={mine.error} />}
      {mine.isSuccess && groups.length === 0 && <EmptyState title={t('review.mine.emptyTitle')} description={t('review.mine.emptyBody')} />}
      {groups.map((group) => {
        const deadline = deadlineOf(group);
        const headingId = `call-${group.key.replace(/[^a-z0-9]/gi, '-')}`;
        const done = group.items.filter((i) => i.status === 'submitted' || i.status === 'conflict').length;
        return (
          <section key={group.key} aria-labelledby={headingId}>
            <Title order={2} size="h3" id={headingId}>
              {t('review.mine.callHeading', { programme: group.programmeTitle, call: t(callKindKey(group.callKind)) })}
            </Title>
            <Text size="sm" mb="sm">
              {deadline ? t('review.mine.deadline', { date: formatDateTime(deadline, i18n.language) }) : null} {t('review.mine.progress', { done, total: group.items.length })}
            </Text>
            <Table striped withTableBorder>
              <ColumnHeads labels={[t('review.city'), t('review.status'), t('review.mine.action')]} />
              <Table.Tbody>
                {group.items.map((item) => (
                  <Table.Tr key={item.applicationId}>
                    <Table.Td>{item.cityName}</Table.Td>
                    <Table.Td>
                      <EvaluationStatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      {item.status === 'conflict' ? (
                        <Text size="sm">{t('review.mine.released')}</Text>
                      ) : (
                        <RouterAnchor to={`/applications/${item.applicationId}/evaluation`}>
                          {item.status === 'submitted' ? t('review.mine.view', { city: item.cityName }) : t('review.mine.evaluate', { city: item.cityName })}
                        </RouterAnchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        );
      })}
    </Stack>
  );
}
