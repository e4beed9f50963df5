import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProposedCities } from '../../../shared/group-proposal.schemas.ts';
import { CityLink } from '../../components/city-link.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { reasonText } from '../../lib/reason-text.ts';
import '../../locales/lazy/city-priorities.strings.ts';

/**
 * For the group's facilitators and managers: cities whose priority sectors
 * (support-needs survey) are among the group's, not in it yet — a proposal of
 * whom to invite, each with the reason.
 */
export function ProposedCitiesSection({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const proposed = useQuery({
    queryKey: ['groups', 'proposed-cities', groupId],
    queryFn: ({ signal }) => apiGet(`/api/groups/${encodeURIComponent(groupId)}/proposed-cities`, ProposedCities, signal),
  });
  return (
    <PageSection id="proposed-cities-heading" title={t('cityPriorities.proposed.title')}>
      <Text size="sm" mb="xs">
        {t('cityPriorities.proposed.intro')}
      </Text>
      {proposed.error && <ProblemAlert error={proposed.error} />}
      {proposed.data?.items.length === 0 && <Text>{t('cityPriorities.proposed.none')}</Text>}
      {proposed.data && proposed.data.items.length > 0 && (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {proposed.data.items.map((p) => (
            <li key={p.city.id}>
              <CityLink city={p.city} /> <Text span size="sm">({p.city.country})</Text>
              <Text size="sm">{reasonText(p.reason)}</Text>
            </li>
          ))}
        </Stack>
      )}
    </PageSection>
  );
}
