import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeSummary } from '../../../shared/programme.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useProgrammeList } from './programmes.api.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';

const PAGE_SIZE = 20;

/** Where an edition stands, in words: the step it is in and the next one. */
export function useStageText() {
  const { t } = useTranslation();
  return (p: Pick<ProgrammeSummary, 'current' | 'next' | 'phase'>) => {
    if (p.phase === 'finished') return t('programmes.stage.finished');
    const now = p.current ? t('programmes.stage.now', { step: t(`programmes.milestones.${p.current}`) }) : t('programmes.stage.notStarted');
    const next = p.next ? t('programmes.stage.next', { step: t(`programmes.milestones.${p.next}`) }) : '';
    return next ? `${now} ${next}` : now;
  };
}

/** /programmes: every edition, newest first; managers start a new one here. */
export function ProgrammesListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const list = useProgrammeList(page, PAGE_SIZE);
  const stageText = useStageText();

  return (
    <Stack gap="lg">
      <PageTitle>{t('programmes.list.title')}</PageTitle>
      <Text>{t('programmes.list.intro')}</Text>
      {hasRole(user, 'programme_manager') && (
        <Group>
          <Button component={Link} to="/programmes/new">
            {t('programmes.list.create')}
          </Button>
        </Group>
      )}
      {list.isPending && <LoadingState />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isSuccess && list.data.total === 0 && <EmptyState title={t('programmes.list.empty')} description={t('programmes.list.emptyHint')} />}
      {list.isSuccess && list.data.total > 0 && (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Caption>{t('programmes.list.caption')}</Table.Caption>
              <ColumnHeads labels={[t('programmes.list.columns.programme'), t('programmes.list.columns.format'), t('programmes.list.columns.year'), t('programmes.list.columns.stage')]} />
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <RouterAnchor to={`/programmes/${p.slug}`}>{p.title}</RouterAnchor>
                      {p.publishedAt === null && (
                        <Badge variant="outline" color="grape.9" ml="xs">
                          {t('programmes.list.draft')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`programmes.formats.${p.format}`)}</Table.Td>
                    <Table.Td>{p.editionYear}</Table.Td>
                    <Table.Td>{stageText(p)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} label={t('programmes.list.pages')} />
        </>
      )}
    </Stack>
  );
}
