import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkSection as Section, WorkSectionKind } from '../../../shared/work.schemas.ts';
import { PageSection } from '../../components/page-section.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { WorkItemCard, type CountUnit } from './work-item-card.tsx';

const COUNT_UNITS: Partial<Record<WorkSectionKind, CountUnit>> = {
  applications_to_assign: 'applications',
  evaluations_overdue: 'evaluations',
  decisions_to_publish: 'applications',
  feedback_missing: 'cities',
};

/** One queue: its items as a list, or a line saying nothing is waiting in it. */
export function WorkSection({ section }: { section: Section }) {
  const { t } = useTranslation();
  const shown = section.items.length;
  return (
    <PageSection id={`work-${section.kind}`} title={t(`start.sections.${section.kind}`)} spacing="xs">
      {shown === 0 ? (
        <Text size="sm" c="dimmed">
          {section.kind === 'support_requests' ? t('start.supportRequestsEmpty') : t('start.sectionEmpty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {section.items.map((item) => (
            <li key={item.key}>
              <WorkItemCard item={item} unit={COUNT_UNITS[section.kind] ?? null} />
            </li>
          ))}
        </Stack>
      )}
      {section.total > shown && (
        <Text size="sm" mt="xs">
          {t('start.more', { shown, total: section.total })} {section.link && <RouterAnchor to={section.link}>{t('start.seeAll', { total: section.total })}</RouterAnchor>}
        </Text>
      )}
    </PageSection>
  );
}
