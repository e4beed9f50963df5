import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The default Group Study Visits edition, in order. Every step's timing is a
// programme setting; these are the usual months.
const STEPS = ['discussionGroups', 'hostCall', 'hostSelection', 'visitorCall', 'visitorSelection', 'visits', 'replication'] as const;

/** The steps of a Group Study Visits edition, from discussion groups to replication. */
export function ProgrammeTimeline() {
  const { t } = useTranslation();
  return (
    <Timeline active={-1} bulletSize={22} lineWidth={2}>
      {STEPS.map((step) => (
        <Timeline.Item key={step} title={<Title order={3} size="h5">{t(`home.steps.${step}.title`)}</Title>}>
          <Text size="sm" fw={600} c="blue.9">
            {t(`home.steps.${step}.when`)}
          </Text>
          <Text size="sm">{t(`home.steps.${step}.body`)}</Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
