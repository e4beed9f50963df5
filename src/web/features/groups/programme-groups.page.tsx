import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Programme } from '../../../shared/programme.schemas.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { CreateGroupForm } from './create-group-form.tsx';
import { GroupCards } from './group-cards.tsx';
import { useProgramme, useProgrammeGroups } from './groups.api.ts';
import { QueryPage, QueryState } from './query-state.tsx';

/** /programmes/:slug/groups: a programme's groups; facilitators and managers create new ones here. */
export function ProgrammeGroupsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  // Asked for at once with the programme, not after it.
  const groups = useProgrammeGroups(slug);
  return (
    <QueryPage query={programme} errorTitle={t('groups.title')}>
      {(data) => <ProgrammeGroups programme={data} groups={groups} />}
    </QueryPage>
  );
}

function ProgrammeGroups({ programme, groups }: { programme: Programme; groups: ReturnType<typeof useProgrammeGroups> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayCreate = hasRole(user, 'facilitator') || hasRole(user, 'programme_manager');
  return (
    <Stack gap="lg">
      <PageTitle>{t('groups.programmeTitle', { programme: programme.title })}</PageTitle>
      <RouterAnchor to="/groups" size="sm">
        {t('groups.allProgrammes')}
      </RouterAnchor>
      <Text>{t('groups.programmeIntro', { count: programme.settings.learningPhases })}</Text>
      <PageSection id="groups-heading" title={t('groups.groupsHeading')}>
        <QueryState query={groups} />
        {groups.isSuccess && <GroupCards groups={groups.data.items} headingOrder={3} />}
      </PageSection>
      {mayCreate && (
        <PageSection id="create-group-heading" title={t('groups.create.title')}>
          <Paper withBorder p="lg" radius="md">
            <CreateGroupForm slug={programme.slug} />
          </Paper>
        </PageSection>
      )}
    </Stack>
  );
}
