import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSummary } from '../../../shared/programme.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { GroupCards } from './group-cards.tsx';
import { useProgrammeGroups, useProgrammes } from './groups.api.ts';
import { QueryState } from './query-state.tsx';

/** /groups: the discussion groups of every programme, newest edition first. */
export function GroupsIndexPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <Stack gap="lg">
      <PageTitle>{t('groups.title')}</PageTitle>
      <Text>{t('groups.intro')}</Text>
      <QueryState query={programmes} />
      {programmes.isSuccess && programmes.data.items.length === 0 && <EmptyState title={t('groups.noProgrammes')} />}
      {programmes.isSuccess && programmes.data.items.map((p) => <ProgrammeGroups key={p.slug} programme={p} />)}
    </Stack>
  );
}

function ProgrammeGroups({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  const groups = useProgrammeGroups(programme.slug);
  return (
    <PageSection id={`programme-${programme.slug}-heading`} title={programme.title}>
      <RouterAnchor to={`/programmes/${programme.slug}/groups`} size="sm" mb="sm" display="inline-block">
        {t('groups.openProgrammeGroups', { programme: programme.title })}
      </RouterAnchor>
      <QueryState query={groups} />
      {groups.isSuccess && <GroupCards groups={groups.data.items} headingOrder={3} />}
    </PageSection>
  );
}
