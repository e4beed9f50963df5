import { Badge, Divider, Group as Row, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Group } from '../../../shared/group.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useGroup } from './groups.api.ts';
import { InterestSection } from './interest-section.tsx';
import { MembersSection } from './members-section.tsx';
import { PhasesSection } from './phases-section.tsx';
import { ProgressSection } from './progress-section.tsx';
import { MeetingsSection } from './meetings-section.tsx';
import { ThreadsSection } from './threads-section.tsx';
import { representedCities } from '../../../shared/role-predicates.ts';

/** /groups/:id: what the group is, who is in it, its meetings, progress and discussions. */
export function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useGroup(id);

  if (group.isPending) return <LoadingState />;
  if (group.isError) {
    return (
      <>
        <PageTitle>{t('groups.group.notFoundTitle')}</PageTitle>
        <ProblemAlert error={group.error} />
      </>
    );
  }
  return <GroupView group={group.data} />;
}

function GroupView({ group }: { group: Group }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const ownCities = representedCities(user);
  const { canManage, isMember } = group.viewer;
  const involved = canManage || isMember;

  return (
    <Stack gap="lg">
      <PageTitle>{group.name}</PageTitle>
      <RouterAnchor to={`/programmes/${group.programmeSlug}/groups`} size="sm">
        {t('groups.group.backToProgramme')}
      </RouterAnchor>
      {group.description && <Text>{group.description}</Text>}
      <Row gap={6}>
        {group.sectors.map((s) => (
          <Badge key={s} variant="outline" color="blue.9">
            {t(`sectors.${s}`)}
          </Badge>
        ))}
      </Row>
      <Text>{t('groups.languageAndPlaces', { language: group.language.toUpperCase(), admitted: group.admitted, capacity: group.capacity })}</Text>
      <section aria-labelledby="facilitators-heading">
        <Title order={2} size="h3" id="facilitators-heading" mb="xs">
          {t('groups.group.facilitators')}
        </Title>
        {group.facilitators.length === 0 ? (
          <Text c="dimmed">{t('groups.group.noFacilitators')}</Text>
        ) : (
          <Text>{group.facilitators.map((f) => f.name).join(', ')}</Text>
        )}
      </section>
      <PhasesSection phases={group.phases} />
      {!canManage && ownCities.length > 0 && <InterestSection group={group} cities={ownCities} />}
      {involved && group.members && <MembersSection group={group} />}
      <Divider />
      <MeetingsSection group={group} />
      {involved && (
        <>
          <Divider />
          <ProgressSection group={group} representedCityIds={ownCities.map((city) => city.id)} />
          <Divider />
          <ThreadsSection groupId={group.id} />
        </>
      )}
    </Stack>
  );
}
