import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Group } from '../../../shared/group.schemas.ts';
import { representedCities } from '../../../shared/role-predicates.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useGroup } from './groups.api.ts';
import { InterestSection } from './interest-section.tsx';
import { MeetingsSection } from './meetings-section.tsx';
import { MembersSection } from './members-section.tsx';
import { PhasesSection } from './phases-section.tsx';
import { ProposedCitiesSection } from './proposed-cities-section.tsx';
import { ProgressSection } from './progress-section.tsx';
import { QueryPage } from './query-state.tsx';
import { SectorBadges } from './sector-badges.tsx';
import { ThreadsSection } from './threads-section.tsx';

/** /groups/:id: what the group is, who is in it, its meetings, progress and discussions. */
export function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useGroup(id);
  return (
    <QueryPage query={group} errorTitle={t('groups.group.notFoundTitle')}>
      {(group) => <GroupView group={group} />}
    </QueryPage>
  );
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
      <SectorBadges sectors={group.sectors} />
      <Text>{t('groups.languageAndPlaces', { language: group.language.toUpperCase(), admitted: group.admitted, capacity: group.capacity })}</Text>
      <PageSection id="facilitators-heading" title={t('groups.group.facilitators')}>
        {group.facilitators.length === 0 ? <Text c="dimmed">{t('groups.group.noFacilitators')}</Text> : <Text>{group.facilitators.map((f) => f.name).join(', ')}</Text>}
      </PageSection>
      <PhasesSection phases={group.phases} />
      {!canManage && ownCities.length > 0 && <InterestSection group={group} cities={ownCities} />}
      {involved && group.members && <MembersSection group={group} />}
      {canManage && <ProposedCitiesSection groupId={group.id} />}
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
