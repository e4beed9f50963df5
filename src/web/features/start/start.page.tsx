import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useMyWork } from './start.api.ts';
import { WorkSection } from './work-section.tsx';

/**
 * /start, where signed-in people land: what needs them in every role they
 * hold, in the order the server gives (the most urgent first, queues with
 * nothing waiting last).
 */
export function StartPage() {
  const { t } = useTranslation();
  const work = useMyWork();
  if (work.isError) return <PageProblem title={t('start.title')} error={work.error} />;
  const sections = work.data?.sections ?? [];
  const waiting = sections.filter((s) => s.items.length > 0);
  // Queues with nothing in them are listed compactly after the others, so the page says what was looked at.
  const quiet = sections.filter((s) => s.items.length === 0);
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('start.title')}</PageTitle>
        <Text>{t('start.intro')}</Text>
      </div>
      {work.isPending && <LoadingState />}
      {work.isSuccess && waiting.length === 0 && <EmptyState title={t('start.nothingTitle')} description={t('start.nothingBody')} />}
      {waiting.map((section) => (
        <WorkSection key={`${section.role}:${section.kind}`} section={section} />
      ))}
      {quiet.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
          {quiet.map((section) => (
            <WorkSection key={`${section.role}:${section.kind}`} section={section} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
