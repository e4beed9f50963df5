import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { CreateGroupForm } from './create-group-form.tsx';
import { GroupCards } from './group-cards.tsx';
import { useProgramme, useProgrammeGroups } from './groups.api.ts';
import { hasRole } from '../../../shared/role-predicates.ts';

/** /programmes/:slug/groups: a programme's groups; facilitators and managers create new ones here. */
export function ProgrammeGroupsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const groups = useProgrammeGroups(slug);
  const user = useCurrentUser();
  const mayCreate = hasRole(user, 'facilitator') || hasRole(user, 'programme_manager');

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <>
        <PageTitle>{t('groups.title')}</PageTitle>
        <ProblemAlert error={programme.error} />
      </>
    );
  }
  return (
    <Stack gap="lg">
      <PageTitle>{t('groups.programmeTitle', { programme: programme.data.title })}</PageTitle>
      <RouterAnchor to="/groups" size="sm">
        {t('groups.allProgrammes')}
      </RouterAnchor>
      <Text>{t('groups.programmeIntro', { count: programme.data.settings.learningPhases })}</Text>
      <section aria-labelledby="groups-heading">
        <Title order={2} size="h3" id="groups-heading" mb="sm">
          {t('groups.groupsHeading')}
        </Title>
        {groups.isPending && <LoadingState />}
        {groups.isError && <ProblemAlert error={groups.error} />}
        {groups.isSuccess && <GroupCards groups={groups.data.items} headingOrder={3} />}
      </section>
      {mayCreate && (
        <section aria-labelledby="create-group-heading">
          <Title order={2} size="h3" id="create-group-heading" mb="sm">
            {t('groups.create.title')}
          </Title>
          <Paper withBorder p="lg" radius="md">
            <CreateGroupForm slug={slug} />
          </Paper>
        </section>
      )}
    </Stack>
  );
}
