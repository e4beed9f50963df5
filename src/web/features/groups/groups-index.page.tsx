import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSummary } from '../../../shared/programme.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { GroupCards } from './group-cards.tsx';
import { useProgrammeGroups, useProgrammes } from './groups.api.ts';

/** /groups: the discussion groups of every programme, newest edition first. */
export function GroupsIndexPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <Stack gap="lg">
      <PageTitle>{t('groups.title')}</PageTitle>
      <Text>{t('groups.intro')}</Text>
      {programmes.isPending && <LoadingState />}
      {programmes.isError && <ProblemAlert error={programmes.error} />}
      {programmes.isSuccess && programmes.data.items.length === 0 && <EmptyState title={t('groups.noProgrammes')} />}
      {programmes.isSuccess && programmes.data.items.map((p) => <ProgrammeGroups key={p.slug} programme={p} />)}
    </Stack>
  );
}

function ProgrammeGroups({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  const groups = useProgrammeGroups(programme.slug);
  const headingId = `programme-${programme.slug}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb={4}>
        {programme.title}
      </Title>
      <RouterAnchor to={`/programmes/${programme.slug}/groups`} size="sm" mb="sm" display="inline-block">
        {t('groups.openProgrammeGroups', { programme: programme.title })}
      </RouterAnchor>
      {groups.isPending && <LoadingState />}
      {groups.isError && <ProblemAlert error={groups.error} />}
      {groups.isSuccess && <GroupCards groups={groups.data.items} headingOrder={3} />}
    </section>
  );
}
