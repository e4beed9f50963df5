import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/group.schemas.ts';
import { formatDate } from './group-format.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PLAIN_LIST } from '../../components/plain-list.ts';

/** The programme's learning phases, in order, with their dates and goals. */
export function PhasesSection({ phases }: { phases: Group['phases'] }) {
  const { t, i18n } = useTranslation();
  return (
    <PageSection id="phases-heading" title={t('groups.phases.title')}>
      {phases.length === 0 ? (
        <Text c="dimmed">{t('groups.phases.none')}</Text>
      ) : (
        <Stack gap="sm" component="ol" style={PLAIN_LIST}>
          {phases.map((phase) => (
            <Paper component="li" withBorder p="md" radius="md" key={phase.number}>
              <Title order={3} size="h5">
                {t('groups.phases.heading', { number: phase.number, title: phase.title })}
              </Title>
              <Text size="sm">{t('groups.phases.dates', { from: formatDate(phase.startsOn, i18n.language), to: formatDate(phase.endsOn, i18n.language) })}</Text>
              {phase.goals && (
                <Text size="sm" mt={4}>
                  {t('groups.phases.goals', { goals: phase.goals })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </PageSection>
  );
}
